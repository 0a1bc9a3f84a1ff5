// The token policy in milliseconds: the spec's x-token-policy (generated), each value overridable by
// its server var for local tests. Overrides are ignored in production.
import {
  RESULTS_RETENTION_MS,
  TOKEN_CHECK_INTERVAL_MS,
  TOKEN_FINISHED_LIFETIME_MS,
  TOKEN_GRACE_MS,
  TOKEN_LIFETIME_MS,
  TOKEN_POLICY_VARS,
  TOKEN_REFRESHED_LIFETIME_MS,
  TOKEN_REFRESH_WINDOW_MS,
  TOKEN_REVOCATION_MS,
} from '@bookstrack/generated/constants';
import type { WorkerVars } from '../vars';

export interface TokenPolicy {
  lifetimeMs: number;
  checkIntervalMs: number;
  refreshWindowMs: number;
  refreshedLifetimeMs: number;
  graceMs: number;
  revocationMs: number;
  resultsRetentionMs: number;
  /** How long the token current when the job finishes stays valid for reading it (= retention). */
  finishedLifetimeMs: number;
}

/** The env slice the policy reads: ENVIRONMENT plus the vars named by TOKEN_POLICY_VARS. */
export type PolicyEnv = Pick<WorkerVars, 'ENVIRONMENT'> &
  Partial<Record<(typeof TOKEN_POLICY_VARS)[keyof typeof TOKEN_POLICY_VARS], string>>;

export const DEFAULT_TOKEN_POLICY: TokenPolicy = {
  lifetimeMs: TOKEN_LIFETIME_MS,
  checkIntervalMs: TOKEN_CHECK_INTERVAL_MS,
  refreshWindowMs: TOKEN_REFRESH_WINDOW_MS,
  refreshedLifetimeMs: TOKEN_REFRESHED_LIFETIME_MS,
  graceMs: TOKEN_GRACE_MS,
  revocationMs: TOKEN_REVOCATION_MS,
  resultsRetentionMs: RESULTS_RETENTION_MS,
  finishedLifetimeMs: TOKEN_FINISHED_LIFETIME_MS,
};

export function resolveTokenPolicy(env: PolicyEnv): TokenPolicy {
  if (env.ENVIRONMENT === 'production') return DEFAULT_TOKEN_POLICY;
  const vars = env as Record<string, string | undefined>;
  const override = (key: keyof typeof TOKEN_POLICY_VARS): number | undefined =>
    secondsToMs(vars[TOKEN_POLICY_VARS[key]]);
  const lifetimeMs = override('lifetimeSeconds');
  const retentionMs = override('resultsRetentionSeconds');
  return {
    lifetimeMs: lifetimeMs ?? DEFAULT_TOKEN_POLICY.lifetimeMs,
    checkIntervalMs: override('checkIntervalSeconds') ?? DEFAULT_TOKEN_POLICY.checkIntervalMs,
    refreshWindowMs: override('refreshWindowSeconds') ?? DEFAULT_TOKEN_POLICY.refreshWindowMs,
    // The spec has no var for the refreshed lifetime: it equals the lifetime, so it follows that override.
    refreshedLifetimeMs: lifetimeMs ?? DEFAULT_TOKEN_POLICY.refreshedLifetimeMs,
    graceMs: override('graceSeconds') ?? DEFAULT_TOKEN_POLICY.graceMs,
    revocationMs: override('revocationSeconds') ?? DEFAULT_TOKEN_POLICY.revocationMs,
    resultsRetentionMs: retentionMs ?? DEFAULT_TOKEN_POLICY.resultsRetentionMs,
    // No var of its own either: a finished job's token lives as long as its results.
    finishedLifetimeMs: retentionMs ?? DEFAULT_TOKEN_POLICY.finishedLifetimeMs,
  };
}

/** A positive number of seconds (fractions allowed, for sub-second e2e policies); anything else is ignored. */
function secondsToMs(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0) return undefined;
  return Math.round(seconds * 1000);
}
