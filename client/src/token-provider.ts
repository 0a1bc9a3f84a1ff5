// A ready-made TokenProvider: after a 1008, ask POST /api/token/refresh with the rejected token. The
// server answers with the job's current token while the rejected one is still in its grace period
// (or inside the refresh window); otherwise it refuses and the client stops (start a new job).
import type { BooksTrackApi } from './api-client';
import { BooksTrackApiError } from './api-error';
import type { TokenProvider } from './socket-types';

export function refreshingTokenProvider(api: Pick<BooksTrackApi, 'refreshToken'>): TokenProvider {
  return async ({ jobId, rejectedToken }) => {
    try {
      const { data } = await api.refreshToken(jobId, rejectedToken);
      return data.token;
    } catch (error) {
      if (error instanceof BooksTrackApiError) return undefined;
      throw error;
    }
  };
}
