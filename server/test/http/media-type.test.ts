// 415 UNSUPPORTED_MEDIA_TYPE for a body type the operation does not document.
import { describe, expect, it } from 'vitest';
import { call, expectResponse } from '../helpers/http';

describe('media type check', () => {
  it('refuses text/plain on the CSV import and lists the accepted types', async () => {
    const response = await call('/api/csv/import', {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: 'title\nDune',
    });
    const body = await expectResponse(response, 'importCsv', 415);
    expect(body.error).toEqual({
      code: 'UNSUPPORTED_MEDIA_TYPE',
      message: 'Content-Type must be application/json or text/csv or multipart/form-data',
      details: { accepted: ['application/json', 'text/csv', 'multipart/form-data'], received: 'text/plain' },
    });
  });

  it('refuses a body without Content-Type on a JSON operation', async () => {
    const response = await call('/api/token/refresh', { method: 'POST', body: new Uint8Array([123, 125]) });
    expect((await expectResponse(response, 'refreshToken', 415)).error.details).toEqual({
      accepted: ['application/json'],
      received: null,
    });
  });

  it('accepts parameters after the media type', async () => {
    const response = await call('/api/token/refresh', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
      body: '{}',
    });
    expect((await expectResponse(response, 'refreshToken', 400)).error.code).toBe('INVALID_REQUEST');
  });
});
