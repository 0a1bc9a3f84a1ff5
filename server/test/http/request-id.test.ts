// Request ids: generated or taken from a well-formed client header, echoed in header and metadata.
import { describe, expect, it } from 'vitest';
import { call, expectResponse } from '../helpers/http';

describe('request id', () => {
  it('generates a 32-hex-character id when the client sends none', async () => {
    const response = await call('/health');
    expect(response.headers.get('X-Request-Id')).toMatch(/^[0-9a-f]{32}$/);
  });

  it('reuses a well-formed client X-Request-Id in the header and the metadata', async () => {
    const response = await call('/health', { headers: { 'X-Request-Id': 'client-trace-0001' } });
    expect(response.headers.get('X-Request-Id')).toBe('client-trace-0001');
    expect((await expectResponse(response, 'getHealth', 200)).metadata.requestId).toBe('client-trace-0001');
  });

  it('replaces a malformed client id with a generated one', async () => {
    const response = await call('/health', { headers: { 'X-Request-Id': 'bad id with spaces' } });
    expect(response.headers.get('X-Request-Id')).toMatch(/^[0-9a-f]{32}$/);
  });
});
