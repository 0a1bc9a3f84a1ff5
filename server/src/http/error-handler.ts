// The single place where errors become responses: HttpError → its envelope, anything else →
// 500 INTERNAL_ERROR (logged, never leaked); unknown paths → 404, known paths with another method → 405.
import { AUTH_CHALLENGE, ERROR_CODE } from '@bookstrack/generated/constants';
import { OPERATIONS } from '@bookstrack/generated/operations';
import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import type { AppEnv } from './app-env';
import { sendError } from './envelope';
import { HttpError } from './http-error';

const UNAUTHORIZED = 401;

/** The Bearer challenge every 401 carries: the spec's WWW-Authenticate header (RFC 9110, RFC 6750). */
function challengeFor(error: HttpError): Record<string, string> {
  if (error.status !== UNAUTHORIZED) return {};
  const challenge = error.code === ERROR_CODE.TOKEN_EXPIRED ? AUTH_CHALLENGE.TOKEN_EXPIRED : AUTH_CHALLENGE.BEARER;
  return { 'WWW-Authenticate': challenge };
}

export function errorResponse(c: Context<AppEnv>, error: HttpError): Response {
  return sendError(c, error.toApiError(), error.status, { ...challengeFor(error), ...error.headers });
}

export const onError: ErrorHandler<AppEnv> = (error, c) => {
  if (error instanceof HttpError) return errorResponse(c, error);
  console.error(`[${c.get('requestId')}] unhandled error on ${c.req.method} ${c.req.path}:`, error);
  return errorResponse(c, new HttpError(ERROR_CODE.INTERNAL_ERROR, 'Internal server error'));
};

/** Hono path templates (`/api/job-state/:jobId`) as regexes, with the methods each serves. */
const ROUTES = (() => {
  const byPath = new Map<string, Set<string>>();
  for (const operation of Object.values(OPERATIONS)) {
    const methods = byPath.get(operation.honoPath) ?? new Set<string>();
    methods.add(operation.method.toUpperCase());
    byPath.set(operation.honoPath, methods);
  }
  return [...byPath].map(([path, methods]) => ({
    pattern: new RegExp(`^${path.replace(/[.]/g, '\\.').replace(/:[A-Za-z]+/g, '[^/]+')}$`),
    methods: [...methods, ...(methods.has('GET') ? ['HEAD'] : []), 'OPTIONS'],
  }));
})();

// ApiError.message is at most 1000 characters; a path quoted in a message is cut well below that.
const QUOTED_PATH_MAX_CHARS = 200;

export const notFound: NotFoundHandler<AppEnv> = (c) => {
  const route = ROUTES.find(({ pattern }) => pattern.test(c.req.path));
  const path =
    c.req.path.length > QUOTED_PATH_MAX_CHARS ? `${c.req.path.slice(0, QUOTED_PATH_MAX_CHARS)}…` : c.req.path;
  if (route === undefined) {
    return errorResponse(c, new HttpError(ERROR_CODE.NOT_FOUND, `No route for ${path}`));
  }
  const allow = route.methods.join(', ');
  return errorResponse(
    c,
    new HttpError(ERROR_CODE.METHOD_NOT_ALLOWED, `${c.req.method} is not allowed on ${path}`, undefined, {
      Allow: allow,
    }),
  );
};
