import { createHash, randomBytes } from 'node:crypto';
import type { RefreshTokenStore } from '../store/refresh-token-store';

export interface RefreshTokensOptions {
  store: RefreshTokenStore;
  ttlSeconds: number;
  now: () => number;
}

/** The outcome of spending a refresh token. Failures carry a reason for logs, never for clients. */
export type RefreshOutcome =
  | { ok: true; userId: string; familyId: string; token: string }
  | {
      ok: false;
      reason: 'unknown' | 'revoked' | 'expired' | 'reused';
      familyId?: string;
      userId?: string;
    };

// 256 bits, base64url: 43 characters, no dots, so it can never pass for a JWT.
const TOKEN_RE = /^[A-Za-z0-9_-]{43}$/;

export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/**
 * Opaque, single-use refresh tokens stored only as SHA-256 hashes, in families (one per login).
 * Spending a token that was already spent revokes its whole family (OAuth 2.0 Security BCP §4.14).
 */
export function createRefreshTokens(o: RefreshTokensOptions) {
  const expiresAt = (t: number) => t + o.ttlSeconds * 1000;
  const newToken = () => randomBytes(32).toString('base64url');

  return {
    ttlSeconds: o.ttlSeconds,

    /** Starts a new family for `userId` and returns its first token. */
    issue(userId: string): { token: string; familyId: string } {
      const t = o.now();
      const token = newToken();
      const familyId = randomBytes(16).toString('base64url');
      o.store.transaction(() => {
        o.store.createFamily(familyId, userId, t);
        o.store.insert(hashRefreshToken(token), familyId, userId, t, expiresAt(t));
      });
      return { token, familyId };
    },

    /**
     * Spends `token` and issues its successor in the same family. `userExists` is checked inside the
     * same transaction: a deleted user's family is revoked.
     */
    rotate(token: string, userExists: (userId: string) => boolean): RefreshOutcome {
      if (!TOKEN_RE.test(token)) return { ok: false, reason: 'unknown' };
      const hash = hashRefreshToken(token);
      const t = o.now();
      return o.store.transaction((): RefreshOutcome => {
        const row = o.store.find(hash);
        if (!row) return { ok: false, reason: 'unknown' };
        const who = { familyId: row.family_id, userId: row.user_id };
        if (row.family_revoked_at !== null) return { ok: false, reason: 'revoked', ...who };
        if (row.used_at === null && row.expires_at <= t)
          return { ok: false, reason: 'expired', ...who };
        if (row.used_at !== null || !o.store.markUsed(hash, t)) {
          o.store.revokeFamily(row.family_id, 'reuse', t);
          return { ok: false, reason: 'reused', ...who };
        }
        if (!userExists(row.user_id)) {
          o.store.revokeFamily(row.family_id, 'user-gone', t);
          return { ok: false, reason: 'revoked', ...who };
        }
        const next = newToken();
        o.store.insert(hashRefreshToken(next), row.family_id, row.user_id, t, expiresAt(t));
        return { ok: true, token: next, ...who };
      });
    },

    /** Revokes the family of `token`; an unknown token is a no-op (RFC 7009 §2.2). */
    revoke(token: string): { familyId: string } | undefined {
      if (!TOKEN_RE.test(token)) return undefined;
      const t = o.now();
      return o.store.transaction(() => {
        const row = o.store.find(hashRefreshToken(token));
        if (!row) return undefined;
        o.store.revokeFamily(row.family_id, 'logout', t);
        return { familyId: row.family_id };
      });
    },

    /** Housekeeping: forget tokens that expired. */
    deleteExpired(): number {
      return o.store.deleteExpired(o.now());
    },
  };
}

export type RefreshTokens = ReturnType<typeof createRefreshTokens>;
