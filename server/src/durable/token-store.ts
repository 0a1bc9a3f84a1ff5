// The job's tokens in SQLite, stored only as SHA-256 hashes (plus the successor lock, see token-crypto).
import { findMatchingHash, type SuccessorLock } from '../jobs/token-crypto';
import type { TokenRecord } from '../jobs/tokens';
import { SQL } from './storage-schema';

export interface StoredToken extends TokenRecord {
  lockPublic: string | null;
  lockSealedPrivate: string | null;
  successorSealed: string | null;
}

type Row = Record<string, SqlStorageValue>;

export class TokenStore {
  constructor(private readonly sql: SqlStorage) {}

  all(): StoredToken[] {
    return this.sql.exec<Row>(SQL.selectTokens).toArray().map(toStoredToken);
  }

  current(): StoredToken | undefined {
    return this.all().find((t) => t.role === 'current');
  }

  byHash(hash: string): StoredToken | undefined {
    return this.all().find((t) => t.hash === hash);
  }

  /** The stored token the presented one hashes to (constant-time comparison), if any. */
  async match(token: string): Promise<StoredToken | undefined> {
    const hash = await findMatchingHash(
      token,
      this.all().map((t) => t.hash),
    );
    return hash === undefined ? undefined : this.byHash(hash);
  }

  insertCurrent(record: TokenRecord, lock: SuccessorLock): void {
    this.sql.exec(SQL.insertToken, record.hash, record.expiresAt, lock.lockPublic, lock.lockSealedPrivate);
  }

  /** Turns the current token into the graced previous one; false when it was no longer current. */
  demote(previous: TokenRecord, successorSealed: string): boolean {
    const cursor = this.sql.exec(
      SQL.demoteToken,
      previous.graceEndsAt ?? null,
      previous.forgetAt ?? null,
      successorSealed,
      previous.hash,
    );
    cursor.toArray();
    return cursor.rowsWritten > 0;
  }

  /** The current token stays valid at least until `until`. */
  extendCurrent(until: number): void {
    this.sql.exec(SQL.extendCurrentToken, until);
  }

  /** Deletes a revoked token once its revocation need not be remembered. */
  forget(hash: string, now: number): void {
    this.sql.exec(SQL.deleteToken, hash, now);
  }
}

function toStoredToken(r: Row): StoredToken {
  const optionalNumber = (v: SqlStorageValue | undefined) => (v === null || v === undefined ? undefined : Number(v));
  const optionalText = (v: SqlStorageValue | undefined) => (v === null || v === undefined ? null : String(v));
  return {
    hash: String(r.hash),
    role: r.role === 'current' ? 'current' : 'previous',
    expiresAt: Number(r.expires_at),
    graceEndsAt: optionalNumber(r.grace_ends_at),
    forgetAt: optionalNumber(r.forget_at),
    lockPublic: optionalText(r.lock_public),
    lockSealedPrivate: optionalText(r.lock_sealed_private),
    successorSealed: optionalText(r.successor_sealed),
  };
}
