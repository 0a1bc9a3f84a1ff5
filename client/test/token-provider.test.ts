import { describe, expect, it } from 'vitest';
import { BooksTrackApiError } from '../src/api-error';
import { refreshingTokenProvider } from '../src/token-provider';
import { JOB_ID, NEW_TOKEN, TOKEN } from './support/messages';

const metadata = { timestamp: '2026-11-27T14:00:00Z', requestId: 'req-1' };
const request = { jobId: JOB_ID, rejectedToken: TOKEN, reason: 'Token expired' };

describe('refreshingTokenProvider', () => {
  it('returns the token POST /api/token/refresh hands out for the rejected one', async () => {
    const calls: [string, string][] = [];
    const provider = refreshingTokenProvider({
      refreshToken: async (jobId, oldToken) => {
        calls.push([jobId, oldToken]);
        return { data: { jobId, token: NEW_TOKEN, expiresAt: '2026-11-27T16:00:00Z', expiresIn: 7200 }, metadata };
      },
    });
    expect(await provider(request)).toBe(NEW_TOKEN);
    expect(calls).toEqual([[JOB_ID, TOKEN]]);
  });

  it('returns undefined when the server refuses with a contract error', async () => {
    const envelope = { data: null, metadata, error: { code: 'AUTH_ERROR' as const, message: 'Token revoked' } };
    const provider = refreshingTokenProvider({
      refreshToken: async () => {
        throw new BooksTrackApiError(401, envelope);
      },
    });
    expect(await provider(request)).toBe(undefined);
  });

  it('lets a network failure through so the socket client stops with no_token', async () => {
    const provider = refreshingTokenProvider({
      refreshToken: async () => {
        throw new TypeError('fetch failed');
      },
    });
    await expect(provider(request)).rejects.toThrow('fetch failed');
  });
});
