import { TOKEN_POLICY } from '@bookstrack/generated/constants';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TOKEN_POLICY, resolveTokenPolicy } from '../../src/jobs/token-policy';

describe('resolveTokenPolicy', () => {
  it('uses the spec policy by default', () => {
    expect(resolveTokenPolicy({ ENVIRONMENT: 'test' })).toEqual({
      lifetimeMs: TOKEN_POLICY.lifetimeSeconds * 1000,
      checkIntervalMs: TOKEN_POLICY.checkIntervalSeconds * 1000,
      refreshWindowMs: TOKEN_POLICY.refreshWindowSeconds * 1000,
      refreshedLifetimeMs: TOKEN_POLICY.refreshedLifetimeSeconds * 1000,
      graceMs: TOKEN_POLICY.graceSeconds * 1000,
      revocationMs: TOKEN_POLICY.revocationSeconds * 1000,
      resultsRetentionMs: TOKEN_POLICY.resultsRetentionSeconds * 1000,
      finishedLifetimeMs: TOKEN_POLICY.finishedLifetimeSeconds * 1000,
    });
  });

  it('matches the brief: 2 h, 15 min, 30 min, 5 min grace, 2.5 h revocation, 24 h results', () => {
    expect(DEFAULT_TOKEN_POLICY).toEqual({
      lifetimeMs: 7_200_000,
      checkIntervalMs: 900_000,
      refreshWindowMs: 1_800_000,
      refreshedLifetimeMs: 7_200_000,
      graceMs: 300_000,
      revocationMs: 9_000_000,
      resultsRetentionMs: 86_400_000,
      finishedLifetimeMs: 86_400_000,
    });
  });

  it('applies each override var outside production, the lifetime also to refreshed tokens', () => {
    const policy = resolveTokenPolicy({
      ENVIRONMENT: 'development',
      TOKEN_LIFETIME_SECONDS: '20',
      TOKEN_CHECK_INTERVAL_SECONDS: '2',
      TOKEN_REFRESH_WINDOW_SECONDS: '10',
      TOKEN_GRACE_SECONDS: '3',
      TOKEN_REVOCATION_SECONDS: '30',
      RESULTS_RETENTION_SECONDS: '0.5',
    });
    expect(policy).toEqual({
      lifetimeMs: 20_000,
      checkIntervalMs: 2_000,
      refreshWindowMs: 10_000,
      refreshedLifetimeMs: 20_000,
      graceMs: 3_000,
      revocationMs: 30_000,
      resultsRetentionMs: 500,
      finishedLifetimeMs: 500,
    });
  });

  it('ignores overrides in production and invalid values anywhere', () => {
    expect(resolveTokenPolicy({ ENVIRONMENT: 'production', TOKEN_LIFETIME_SECONDS: '20' })).toEqual(
      DEFAULT_TOKEN_POLICY,
    );
    expect(
      resolveTokenPolicy({ ENVIRONMENT: 'test', TOKEN_GRACE_SECONDS: '-1', TOKEN_LIFETIME_SECONDS: 'soon' }),
    ).toEqual(DEFAULT_TOKEN_POLICY);
  });
});
