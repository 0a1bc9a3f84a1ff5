// The job token's life inside the Durable Object: issue, verify, rotate (auto and HTTP), push
// token_refreshed, and the timers for expiry, grace end and revocation end.
import { CLOSE_CODES, CLOSE_REASONS, ERROR_CODE, MESSAGE_TYPE } from '@bookstrack/generated/constants';
import { createSuccessorLock, hashToken, openSuccessor, sealSuccessor } from '../jobs/token-crypto';
import type { TokenPolicy } from '../jobs/token-policy';
import { classifyToken, decideHttpRefresh, planIssue, planRotation, shouldAutoRefresh, type TokenStanding } from '../jobs/tokens';
import { fail, ok, type JobResult } from './job-api';
import type { SocketHub } from './socket-hub';
import { TIMER_KIND } from './storage-schema';
import type { TimerStore } from './timer-store';
import type { StoredToken, TokenStore } from './token-store';

export interface IssuedToken {
  token: string;
  expiresAt: number;
}

export interface Verification {
  standing: TokenStanding;
  record?: StoredToken;
}

// How many rotations a graced token may trail the current one when recovering it by its successor chain.
const MAX_SUCCESSOR_HOPS = 4;

export class TokenLifecycle {
  constructor(
    private readonly storage: DurableObjectStorage,
    private readonly tokens: TokenStore,
    private readonly timers: TimerStore,
    private readonly hub: SocketHub,
    private readonly policy: TokenPolicy,
    private readonly newToken: () => string,
  ) {}

  /** Prepares the first token; `commit` (inside the caller's transaction) stores it. */
  async prepareIssue(now: number): Promise<{ issued: IssuedToken; commit: () => void }> {
    const token = this.newToken();
    const record = planIssue(await hashToken(token), now, this.policy);
    const lock = await createSuccessorLock(token);
    const commit = () => {
      this.tokens.insertCurrent(record, lock);
      this.timers.schedule(TIMER_KIND.TOKEN_EXPIRY, record.expiresAt);
    };
    return { issued: { token, expiresAt: record.expiresAt }, commit };
  }

  async verify(token: string, now: number): Promise<Verification> {
    const record = await this.tokens.match(token);
    return { standing: classifyToken(record, now), record };
  }

  currentExpiresAt(): number | undefined {
    return this.tokens.current()?.expiresAt;
  }

  /** Rotates `expected` (must still be current) and pushes the new token to every socket. */
  async rotate(expected: StoredToken, now: number): Promise<IssuedToken | undefined> {
    if (!expected.lockPublic) return undefined;
    const token = this.newToken();
    const plan = planRotation(expected, await hashToken(token), now, this.policy);
    const lock = await createSuccessorLock(token);
    const sealed = await sealSuccessor(expected.lockPublic, token);
    // Everything async is done: from here on nothing interleaves, so the check and the write are atomic.
    const isRotated = this.storage.transactionSync(() => {
      if (!this.tokens.demote(plan.previous, sealed)) return false;
      this.tokens.insertCurrent(plan.next, lock);
      this.timers.schedule(TIMER_KIND.TOKEN_EXPIRY, plan.next.expiresAt);
      this.timers.schedule(TIMER_KIND.GRACE_END, plan.previous.graceEndsAt ?? now, plan.previous.hash);
      return true;
    });
    if (!isRotated) return undefined;
    const expiresAt = new Date(plan.next.expiresAt).toISOString();
    this.hub.broadcast(MESSAGE_TYPE.TOKEN_REFRESHED, { token, expiresAt }, now, false);
    return { token, expiresAt: plan.next.expiresAt };
  }

  /** Starts the periodic check when a socket connects (no-op if one is pending). */
  armCheck(now: number): void {
    this.timers.scheduleIfAbsent(TIMER_KIND.TOKEN_CHECK, now + this.policy.checkIntervalMs);
  }

  /** token_check timer: refresh inside the window while a socket listens; stop when none does. */
  async onCheck(now: number): Promise<void> {
    const connected = this.hub.open().length;
    if (connected === 0) return;
    const current = this.tokens.current();
    if (current && shouldAutoRefresh(current, now, this.policy, connected)) await this.rotate(current, now);
    this.timers.schedule(TIMER_KIND.TOKEN_CHECK, now + this.policy.checkIntervalMs);
  }

  /** token_expiry timer: sockets of a job whose token ran out unrefreshed are closed. */
  onExpiry(now: number): void {
    const current = this.tokens.current();
    if (!current || classifyToken(current, now) === 'expired') {
      this.hub.closeAll(CLOSE_CODES.POLICY_VIOLATION, CLOSE_REASONS.TOKEN_EXPIRED);
    }
  }

  /** grace_end timer: the old token is now revoked; remember that until revocation ends. */
  onGraceEnd(hash: string): void {
    const record = this.tokens.byHash(hash);
    if (record?.forgetAt !== undefined) this.timers.schedule(TIMER_KIND.REVOCATION_END, record.forgetAt, hash);
  }

  onRevocationEnd(hash: string, now: number): void {
    this.tokens.forget(hash, now);
  }

  /** POST /api/token/refresh: one rotation even under concurrent calls; a graced caller gets the current token. */
  async refreshViaHttp(oldToken: string, now: number): Promise<JobResult<IssuedToken>> {
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const presented = await this.tokens.match(oldToken);
      const decision = decideHttpRefresh(presented, this.tokens.current(), now, this.policy);
      if (decision.action === 'reject') {
        if (decision.reason === 'outside_window') {
          const opensAt = new Date(decision.windowOpensAt).toISOString();
          return fail(ERROR_CODE.CONFLICT, `Token is not in its refresh window yet; the window opens at ${opensAt}`, {
            refreshWindowOpensAt: opensAt,
          });
        }
        return rejectStanding(decision.reason);
      }
      if (decision.action === 'return_current') return this.recoverCurrent(oldToken, presented as StoredToken);
      const rotated = await this.rotate(presented as StoredToken, now);
      if (rotated) return ok(rotated);
      // A concurrent rotation won the race: decide again, now as a graced token.
    }
    return fail(ERROR_CODE.CONFLICT, 'Token was rotated concurrently; use the token from token_refreshed');
  }

  /** Follows the sealed successor chain from a graced token to the current one. */
  private async recoverCurrent(oldToken: string, presented: StoredToken): Promise<JobResult<IssuedToken>> {
    let token = oldToken;
    let record: StoredToken | undefined = presented;
    for (let hop = 0; hop < MAX_SUCCESSOR_HOPS && record; hop += 1) {
      if (!record.lockSealedPrivate || !record.successorSealed) break;
      token = await openSuccessor(token, record.lockSealedPrivate, record.successorSealed);
      record = this.tokens.byHash(await hashToken(token));
      if (record?.role === 'current') return ok({ token, expiresAt: record.expiresAt });
    }
    return fail(ERROR_CODE.CONFLICT, 'Token was rotated; use the token from token_refreshed');
  }
}

/** The contract error for a token that may not be used. */
export function rejectStanding(standing: 'expired' | 'revoked' | 'invalid'): JobResult<never> {
  if (standing === 'expired') return fail(ERROR_CODE.TOKEN_EXPIRED, CLOSE_REASONS.TOKEN_EXPIRED);
  if (standing === 'revoked') return fail(ERROR_CODE.AUTH_ERROR, CLOSE_REASONS.TOKEN_REVOKED);
  return fail(ERROR_CODE.AUTH_ERROR, CLOSE_REASONS.INVALID_TOKEN);
}

/** The close reason for a connect whose token may not be used. */
export function closeReasonFor(standing: 'expired' | 'revoked' | 'invalid'): string {
  if (standing === 'expired') return CLOSE_REASONS.TOKEN_EXPIRED;
  if (standing === 'revoked') return CLOSE_REASONS.TOKEN_REVOKED;
  return CLOSE_REASONS.INVALID_TOKEN;
}
