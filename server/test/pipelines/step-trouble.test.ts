import { describe, expect, it } from 'vitest';
import { createTroubleLog } from '../../src/pipelines/step-trouble';
import { ProviderError } from '../../src/providers/provider-error';

const rateLimited = (provider: string) =>
  new ProviderError(
    'PROVIDER_ERROR',
    `${provider} answered HTTP 429`,
    { provider, upstreamStatus: 429, attempts: 3, retryAfterSeconds: 2 },
    true,
  );

describe('createTroubleLog', () => {
  it('has no trouble for a step without transient failures', () => {
    const log = createTroubleLog();
    log.note(new ProviderError('PROVIDER_ERROR', 'google-books answered HTTP 403', { provider: 'google-books' }), 0);
    log.note(new Error('a mapping bug'), 1);
    log.note('thrown text', 2);
    expect(log.summary()).toBeUndefined();
  });

  it('coalesces 30 books hitting 429 into one summary: item count, lowest index and its first failure', () => {
    const log = createTroubleLog();
    for (let index = 39; index >= 10; index--) {
      log.note(rateLimited('openlibrary'), index);
      log.note(rateLimited('google-books'), index);
    }
    log.note(
      new ProviderError(
        'PROVIDER_TIMEOUT',
        'openlibrary did not answer within 8000 ms',
        { provider: 'openlibrary' },
        true,
      ),
      12,
    );
    expect(log.summary()).toEqual({
      code: 'PROVIDER_ERROR',
      message: 'openlibrary answered HTTP 429 (30 items of this step affected)',
      count: 30,
      firstIndex: 10,
      details: { provider: 'openlibrary', upstreamStatus: 429, attempts: 3, retryAfterSeconds: 2 },
    });
  });

  it('keeps the provider message as is when one item met trouble', () => {
    const log = createTroubleLog();
    log.note(
      new ProviderError('PROVIDER_TIMEOUT', 'gemini did not answer within 60000 ms', { provider: 'gemini' }, true),
      4,
    );
    expect(log.summary()).toEqual({
      code: 'PROVIDER_TIMEOUT',
      message: 'gemini did not answer within 60000 ms',
      count: 1,
      firstIndex: 4,
      details: { provider: 'gemini' },
    });
  });
});
