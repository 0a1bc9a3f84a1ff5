// Pure token lifecycle rules: classify a presented token, decide auto and HTTP refreshes, and plan
// a rotation. Time and randomness are arguments; hashing and storage live in the Durable Object.
import type { TokenPolicy } from './token-policy';

/** A stored token, known only by its SHA-256 hash. */
export interface TokenRecord {
  hash: string;
  role: 'current' | 'previous';
  expiresAt: number;
  /** previous only: accepted until this instant, then revoked. */
  graceEndsAt?: number;
  /** previous only: the revocation is remembered (answered 'revoked') until this instant. */
  forgetAt?: number;
}

export type TokenStanding = 'current' | 'grace' | 'expired' | 'revoked' | 'invalid';

/** Where a presented token stands at `now`; `record` is the stored token whose hash matched, if any. */
export function classifyToken(record: TokenRecord | undefined, now: number): TokenStanding {
  if (!record) return 'invalid';
  if (record.role === 'current') return now < record.expiresAt ? 'current' : 'expired';
  if (record.graceEndsAt !== undefined && now < record.graceEndsAt) {
    return now < record.expiresAt ? 'grace' : 'expired';
  }
  if (record.forgetAt !== undefined && now >= record.forgetAt) return 'invalid';
  return 'revoked';
}

/** True when the token may be used for reads, cancel and connects. */
export function isAccepted(standing: TokenStanding): boolean {
  return standing === 'current' || standing === 'grace';
}

/** The refresh window is open from `expiresAt - refreshWindow` (inclusive) until expiry. */
export function isInRefreshWindow(current: TokenRecord, now: number, policy: TokenPolicy): boolean {
  return now >= refreshWindowOpensAt(current, policy) && now < current.expiresAt;
}

export function refreshWindowOpensAt(current: TokenRecord, policy: TokenPolicy): number {
  return current.expiresAt - policy.refreshWindowMs;
}

/** Auto-refresh runs only while a socket listens: an abandoned job's token simply expires. */
export function shouldAutoRefresh(
  current: TokenRecord,
  now: number,
  policy: TokenPolicy,
  connectedSockets: number,
): boolean {
  return connectedSockets > 0 && isInRefreshWindow(current, now, policy);
}

export type HttpRefreshDecision =
  | { action: 'rotate' }
  | { action: 'return_current' }
  | { action: 'reject'; reason: 'outside_window'; windowOpensAt: number }
  | { action: 'reject'; reason: 'expired' | 'revoked' | 'invalid' };

/**
 * POST /api/token/refresh. A graced previous token means the rotation already happened (a concurrent
 * caller or the auto-refresh did it), so that caller gets the current token instead of a second rotation.
 */
export function decideHttpRefresh(
  presented: TokenRecord | undefined,
  current: TokenRecord | undefined,
  now: number,
  policy: TokenPolicy,
): HttpRefreshDecision {
  const standing = classifyToken(presented, now);
  if (standing === 'invalid' || standing === 'revoked' || standing === 'expired') {
    return { action: 'reject', reason: standing };
  }
  if (standing === 'grace') {
    if (!current || classifyToken(current, now) !== 'current') return { action: 'reject', reason: 'expired' };
    return { action: 'return_current' };
  }
  // standing === 'current', so presented is the current record.
  const record = presented as TokenRecord;
  if (!isInRefreshWindow(record, now, policy)) {
    return { action: 'reject', reason: 'outside_window', windowOpensAt: refreshWindowOpensAt(record, policy) };
  }
  return { action: 'rotate' };
}

export interface RotationPlan {
  next: TokenRecord;
  previous: TokenRecord;
}

/** New token valid `refreshedLifetime` from now; the old one graced, then revoked, then forgotten. */
export function planRotation(current: TokenRecord, nextHash: string, now: number, policy: TokenPolicy): RotationPlan {
  const graceEndsAt = now + policy.graceMs;
  return {
    next: { hash: nextHash, role: 'current', expiresAt: now + policy.refreshedLifetimeMs },
    previous: {
      hash: current.hash,
      role: 'previous',
      expiresAt: current.expiresAt,
      graceEndsAt,
      forgetAt: graceEndsAt + policy.revocationMs,
    },
  };
}

/** The first token of a job. */
export function planIssue(hash: string, now: number, policy: TokenPolicy): TokenRecord {
  return { hash, role: 'current', expiresAt: now + policy.lifetimeMs };
}
