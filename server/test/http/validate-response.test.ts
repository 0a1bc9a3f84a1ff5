// Response validation: a response that breaks its operation's schema becomes a loud 500.
import { env } from 'cloudflare:test';
import { Hono, type Context } from 'hono';
import { describe, expect, it, vi } from 'vitest';
import type { AppEnv } from '../../src/http/app-env';
import { sendData } from '../../src/http/envelope';
import { onError } from '../../src/http/error-handler';
import { HttpError } from '../../src/http/http-error';
import { requestId } from '../../src/http/request-id';
import { operation } from '../../src/http/validate-response';
import { expectError, expectResponse } from '../helpers/http';

function appAnswering(handler: (c: Context<AppEnv>) => Response) {
  const app = new Hono<AppEnv>().use('*', requestId).get('/health', operation('getHealth'), handler);
  app.onError(onError);
  return app;
}

describe('operation() response validation', () => {
  it('passes a response that matches the schema for its status', async () => {
    const app = appAnswering((c) => sendData(c, { status: 'ok', version: '1.0.0' }));
    expect((await expectResponse(await app.request('/health', {}, env), 'getHealth', 200)).data.status).toBe('ok');
  });

  it('turns a body that breaks the schema into 500 INTERNAL_ERROR listing the issues', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const app = appAnswering((c) => sendData(c, { status: 'ok', version: 'one' }));
    const envelope = await expectError(await app.request('/health', {}, env), 500, 'INTERNAL_ERROR');
    expect(envelope.error.message).toBe('Response violates the contract for getHealth');
    expect(envelope.error.details?.issues?.[0]?.path).toBe('data.version');
    expect(log).toHaveBeenCalledOnce();
    log.mockRestore();
  });

  it('turns a status the operation does not document into 500', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const app = appAnswering(() => {
      throw new HttpError('CONFLICT', 'not a documented health answer');
    });
    const envelope = await expectError(await app.request('/health', {}, env), 500, 'INTERNAL_ERROR');
    expect(envelope.error.details?.issues).toEqual([
      { path: '', message: 'status 409 is not documented for getHealth' },
    ]);
    log.mockRestore();
  });

  it('leaves responses alone when VALIDATE_RESPONSES is not "true" (production)', async () => {
    const app = appAnswering((c) => sendData(c, { status: 'ok', version: 'one' }));
    const response = await app.request('/health', {}, { ...env, VALIDATE_RESPONSES: 'false' });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ data: { version: 'one' } });
  });
});
