// The token lifecycle as effects: what a connect, a token check, an expiry and a grace end make the
// Durable Object do. The decisions come from tokens.ts; hashing and storage stay in the shell.
import { CLOSE_CODES, CLOSE_REASONS } from '@bookstrack/generated/constants';
import type { ServerMessage } from '@bookstrack/generated/schemas';
import type { JobEffect, Transition } from './job-effects';
import type { JobSnapshot } from './job-snapshot';
import { tokenRefreshedMessage } from './frames';
import { TIMER_KIND } from './timers';
import type { TokenPolicy } from './token-policy';
import { classifyToken, refreshWindowOpensAt, shouldAutoRefresh, type RotationPlan, type TokenRecord } from './tokens';

/**
 * When the next token check runs: after the regular interval, or when the current token's refresh
 * window opens if that comes first (at once when it is already open), so a connected socket is
 * never closed `Token expired` for want of a check. An expired token waits the regular interval.
 */
export function nextCheckAt(current: TokenRecord | undefined, now: number, policy: TokenPolicy): number {
  const regular = now + policy.checkIntervalMs;
  if (!current || now >= current.expiresAt) return regular;
  return Math.min(regular, Math.max(now, refreshWindowOpensAt(current, policy)));
}

/**
 * After a rotation: the interval, or sooner when the new token's window opens first. A policy whose
 * window is as long as the lifetime puts the new token in its window at once; checking then every
 * half lifetime still refreshes it in time without rotating in a loop.
 */
export function checkDelayAfterRotation(policy: TokenPolicy): number {
  const opensAfter = policy.refreshedLifetimeMs - policy.refreshWindowMs;
  return Math.min(policy.checkIntervalMs, opensAfter > 0 ? opensAfter : policy.refreshedLifetimeMs / 2);
}

/** A socket connected: the next check runs no later than nextCheckAt (an earlier pending one is kept). */
export function onSocketConnected(current: TokenRecord | undefined, now: number, policy: TokenPolicy): JobEffect[] {
  return [{ kind: 'arm', timer: TIMER_KIND.TOKEN_CHECK, at: nextCheckAt(current, now, policy), isEarliest: true }];
}

export interface TokenCheck {
  shouldRotate: boolean;
  effects: JobEffect[];
}

/** token_check timer: refresh inside the window while a socket listens; stop checking when none does. */
export function tokenCheck(
  current: TokenRecord | undefined,
  connectedSockets: number,
  now: number,
  policy: TokenPolicy,
): TokenCheck {
  if (connectedSockets === 0) return { shouldRotate: false, effects: [] };
  const shouldRotate = current !== undefined && shouldAutoRefresh(current, now, policy, connectedSockets);
  const at = shouldRotate ? now + checkDelayAfterRotation(policy) : nextCheckAt(current, now, policy);
  return { shouldRotate, effects: [{ kind: 'arm', timer: TIMER_KIND.TOKEN_CHECK, at }] };
}

/** The first token of a job: its expiry timer. */
export function onTokenIssued(record: TokenRecord): JobEffect[] {
  return [{ kind: 'arm', timer: TIMER_KIND.TOKEN_EXPIRY, at: record.expiresAt }];
}

/** A rotation: expiry of the new token, grace end of the old one, and token_refreshed to every socket. */
export function onTokenRotated(
  job: JobSnapshot,
  plan: RotationPlan,
  token: string,
  now: number,
): Transition & { message: ServerMessage } {
  const seq = job.seq + 1;
  const message = tokenRefreshedMessage(job, seq, now, token, plan.next.expiresAt);
  return {
    job: { ...job, seq },
    message,
    effects: [
      { kind: 'arm', timer: TIMER_KIND.TOKEN_EXPIRY, at: plan.next.expiresAt },
      { kind: 'arm', timer: TIMER_KIND.GRACE_END, at: plan.previous.graceEndsAt ?? now, key: plan.previous.hash },
      { kind: 'log', event: 'token.refreshed', detail: { expiresAt: new Date(plan.next.expiresAt).toISOString() } },
      { kind: 'broadcast', message, isReadyOnly: false },
    ],
  };
}

/** token_expiry timer: sockets of a job whose token ran out unrefreshed are closed. */
export function tokenExpiry(current: TokenRecord | undefined, now: number): JobEffect[] {
  if (current && classifyToken(current, now) !== 'expired') return [];
  return [
    { kind: 'log', event: 'token.expired' },
    { kind: 'close_all', code: CLOSE_CODES.POLICY_VIOLATION, reason: CLOSE_REASONS.TOKEN_EXPIRED },
  ];
}

/** grace_end timer: the old token is now revoked; remember that until revocation ends. */
export function graceEnd(record: TokenRecord | undefined): JobEffect[] {
  if (record?.forgetAt === undefined) return [];
  return [
    { kind: 'log', event: 'token.revoked' },
    { kind: 'arm', timer: TIMER_KIND.REVOCATION_END, at: record.forgetAt, key: record.hash },
  ];
}
