// The job token's life inside the Durable Object: issue, verify, rotate (auto and HTTP). The rules
// (jobs/tokens.ts, jobs/token-rules.ts) decide and return effects; this shell hashes, stores, applies.
import { CLOSE_REASONS, ERROR_CODE } from '@bookstrack/generated/constants';
import { createSuccessorLock, hashToken, openSuccessor, sealSuccessor } from '../jobs/token-crypto';
import type { TokenPolicy } from '../jobs/token-policy';
import {
  graceEnd,
  onSocketConnected,
  onTokenIssued,
  onTokenRotated,
  tokenCheck,
  tokenExpiry,
} from '../jobs/token-rules';
import { classifyToken, decideHttpRefresh, planIssue, planRotation, type TokenStanding } from '../jobs/tokens';
import { applyTransition, deliverTransition, storeTransition, type EffectTargets } from './apply-effects';
import { fail, ok, type JobResult } from './job-api';
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
    private readonly targets: EffectTargets,
    private readonly tokens: TokenStore,
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
      storeTransition(this.targets, { effects: onTokenIssued(record) });
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
    const rotation = this.targets.storage.transactionSync(() => {
      const job = this.targets.jobs.get();
      if (!job || !this.tokens.demote(plan.previous, sealed)) return undefined;
      this.tokens.insertCurrent(plan.next, lock);
      const transition = onTokenRotated(job, plan, token, now);
      storeTransition(this.targets, transition);
      return transition;
    });
    if (!rotation) return undefined;
    deliverTransition(this.targets, rotation);
    return { token, expiresAt: plan.next.expiresAt };
  }

  /** Starts the periodic check when a socket connects (no-op if one is pending). */
  armCheck(now: number): void {
    applyTransition(this.targets, { effects: onSocketConnected(this.tokens.current(), now, this.policy) });
  }

  /** token_check timer: refresh inside the window while a socket listens; stop when none does. */
  async onCheck(now: number): Promise<void> {
    const current = this.tokens.current();
    const check = tokenCheck(current, this.targets.hub.open().length, now, this.policy);
    if (check.shouldRotate && current) await this.rotate(current, now);
    applyTransition(this.targets, { effects: check.effects });
  }

  /** token_expiry timer: sockets of a job whose token ran out unrefreshed are closed. */
  onExpiry(now: number): void {
    applyTransition(this.targets, { effects: tokenExpiry(this.tokens.current(), now) });
  }

  /** grace_end timer: the old token is now revoked; remember that until revocation ends. */
  onGraceEnd(hash: string): void {
    applyTransition(this.targets, { effects: graceEnd(this.tokens.byHash(hash)) });
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
