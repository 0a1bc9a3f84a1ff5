// Reads the job token from `Authorization: Bearer <token>`; a missing or malformed header is 401.
import { ERROR_CODE } from '@bookstrack/generated/constants';
import type { Context } from 'hono';
import type { AppEnv } from './app-env';
import { HttpError } from './http-error';

const BEARER = /^Bearer[ ]+([^\s]+)\s*$/i;

export function bearerToken(c: Context<AppEnv>): string {
  const header = c.req.header('Authorization');
  const token = header?.match(BEARER)?.[1];
  if (token === undefined) {
    throw new HttpError(ERROR_CODE.AUTH_ERROR, 'Send the job token as "Authorization: Bearer <token>"');
  }
  return token;
}
