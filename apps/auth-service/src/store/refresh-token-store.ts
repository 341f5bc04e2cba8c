import type { Db } from './database';

export interface RefreshTokenRow {
  token_hash: string;
  family_id: string;
  user_id: string;
  issued_at: number;
  expires_at: number;
  used_at: number | null;
  family_revoked_at: number | null;
}

/** Refresh tokens, by SHA-256 hash only, grouped in families (one per login). */
export interface RefreshTokenStore {
  createFamily(familyId: string, userId: string, now: number): void;
  insert(tokenHash: string, familyId: string, userId: string, now: number, expiresAt: number): void;
  find(tokenHash: string): RefreshTokenRow | undefined;
  /** True when this call spent the token (false when it was already spent). */
  markUsed(tokenHash: string, now: number): boolean;
  revokeFamily(familyId: string, reason: string, now: number): void;
  /** Runs `fn` in one SQLite transaction (synchronous, so nothing interleaves). */
  transaction<T>(fn: () => T): T;
  /** Deletes tokens expired before `now`; returns how many. */
  deleteExpired(now: number): number;
}

export function createRefreshTokenStore(db: Db): RefreshTokenStore {
  const createFamily = db.prepare(
    'INSERT INTO refresh_families (family_id, user_id, created_at) VALUES (?, ?, ?)',
  );
  const insert = db.prepare(
    'INSERT INTO refresh_tokens (token_hash, family_id, user_id, issued_at, expires_at) VALUES (?, ?, ?, ?, ?)',
  );
  const find = db.prepare<[string], RefreshTokenRow>(
    `SELECT t.*, f.revoked_at AS family_revoked_at
       FROM refresh_tokens t JOIN refresh_families f ON f.family_id = t.family_id
      WHERE t.token_hash = ?`,
  );
  const markUsed = db.prepare(
    'UPDATE refresh_tokens SET used_at = ? WHERE token_hash = ? AND used_at IS NULL',
  );
  const revoke = db.prepare(
    'UPDATE refresh_families SET revoked_at = ?, revoke_reason = ? WHERE family_id = ? AND revoked_at IS NULL',
  );
  const deleteExpired = db.prepare('DELETE FROM refresh_tokens WHERE expires_at < ?');
  const deleteEmptyFamilies = db.prepare(
    'DELETE FROM refresh_families WHERE family_id NOT IN (SELECT family_id FROM refresh_tokens)',
  );

  return {
    createFamily: (familyId, userId, now) => void createFamily.run(familyId, userId, now),
    insert: (hash, familyId, userId, now, expiresAt) =>
      void insert.run(hash, familyId, userId, now, expiresAt),
    find: (hash) => find.get(hash),
    markUsed: (hash, now) => markUsed.run(now, hash).changes === 1,
    revokeFamily: (familyId, reason, now) => void revoke.run(now, reason, familyId),
    transaction: (fn) => db.transaction(fn)(),
    deleteExpired: (now) =>
      db.transaction(() => {
        const n = deleteExpired.run(now).changes;
        deleteEmptyFamilies.run();
        return n;
      })(),
  };
}
