import { randomBytes } from 'node:crypto';
import {
  InvalidArgumentError,
  InvalidCredentialsError,
  InvalidRefreshTokenError,
  LoginOverloadedError,
  LoginThrottledError,
} from '../errors';
import type { UserStore } from '../store/user-store';
import type { AccessTokens } from './access-tokens';
import { hasControlCharacters } from './credential-text';
import type { HashAdmission } from './hash-admission';
import type { LoginThrottle } from './login-throttle';
import {
  hashPassword,
  isPasswordHash,
  needsRehash,
  verifyPassword,
  type ScryptParams,
} from './password';
import type { RefreshTokens } from './refresh-tokens';

export const MAX_USERNAME_LENGTH = 128;
export const MAX_PASSWORD_LENGTH = 1024;
/** Far above a real refresh token (43 characters); anything longer is not worth a database lookup. */
export const MAX_REFRESH_TOKEN_LENGTH = 512;

export interface SessionLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

export interface SessionsOptions {
  users: UserStore;
  accessTokens: AccessTokens;
  refreshTokens: RefreshTokens;
  throttle: LoginThrottle;
  scrypt: ScryptParams;
  /** Bounds the scrypt work of logins; every hash of `login` (dummy included) goes through it. */
  hashing: HashAdmission;
  logger: SessionLogger;
}

export interface TokenPair {
  accessToken: string;
  expiresIn: number;
  refreshToken: string;
  refreshExpiresIn: number;
}

function requireString(field: string, v: string, max: number): string {
  if (v.length === 0) throw new InvalidArgumentError(field, 'is required');
  if (v.length > max) throw new InvalidArgumentError(field, `is longer than ${max} characters`);
  return v;
}

function requireCredential(field: string, v: string, max: number): string {
  requireString(field, v, max);
  if (hasControlCharacters(v)) throw new InvalidArgumentError(field, 'contains control characters');
  return v;
}

/**
 * Login, refresh and logout: the use cases behind the public RPCs. Plain TS, no gRPC.
 * Logs carry ids and reasons, never a username, password, hash or token. Each use case takes the
 * caller's logger (the handler passes the per-call one, so lines carry `rpc` and `requestId`);
 * without it, `o.logger`.
 */
export function createSessions(o: SessionsOptions) {
  // Unknown users are checked against this, so they cost the same scrypt work as a wrong password.
  let dummy: Promise<string> | undefined;
  const dummyHash = () => (dummy ??= hashPassword(randomBytes(16).toString('base64url'), o.scrypt));

  async function pairFor(
    user: { id: string; roles: string[]; scopes: string[] },
    refreshToken: string,
  ): Promise<TokenPair> {
    const { token, expiresIn } = await o.accessTokens.mint(user);
    return {
      accessToken: token,
      expiresIn,
      refreshToken,
      refreshExpiresIn: o.refreshTokens.ttlSeconds,
    };
  }

  return {
    /** Ensures the dummy hash exists before the first request (so the first unknown user is not faster). */
    warmUp: async () => void (await dummyHash()),

    async login(
      username: string,
      password: string,
      log: SessionLogger = o.logger,
    ): Promise<TokenPair> {
      requireCredential('username', username, MAX_USERNAME_LENGTH);
      requireCredential('password', password, MAX_PASSWORD_LENGTH);
      // Admitted before hashing, so attempts in flight count against the lockout (parallel bursts).
      const retryAfter = o.throttle.begin(username);
      if (retryAfter > 0) {
        log.info({ retryAfterSeconds: retryAfter }, 'login throttled');
        throw new LoginThrottledError(retryAfter);
      }
      let user: ReturnType<UserStore['findByUsername']>;
      let usable = false;
      let matches: boolean;
      try {
        user = o.users.findByUsername(username);
        usable = user !== undefined && isPasswordHash(user.passwordHash);
        const encoded = usable && user ? user.passwordHash : await dummyHash();
        matches = await o.hashing.run(() => verifyPassword(password, encoded));
      } catch (err) {
        // Refused before hashing (or failed to hash): not a failed guess, so it is not counted.
        o.throttle.finish(username, 'abandoned');
        if (err instanceof LoginOverloadedError) log.warn(o.hashing.stats(), 'login overloaded');
        throw err;
      }
      o.throttle.finish(username, usable && matches ? 'success' : 'failure');
      if (!usable || !matches || !user) {
        log.info(
          { reason: user ? 'wrong-password' : 'unknown-user', userId: user?.id },
          'login failed',
        );
        throw new InvalidCredentialsError();
      }
      if (needsRehash(user.passwordHash, o.scrypt)) {
        // Best effort: at capacity the upgrade waits for a later login rather than failing this one.
        const rehashed = await o.hashing
          .run(() => hashPassword(password, o.scrypt))
          .catch((err: unknown) => {
            if (err instanceof LoginOverloadedError) return undefined;
            throw err;
          });
        if (rehashed !== undefined) o.users.updatePasswordHash(user.id, rehashed);
      }
      const { token, familyId } = o.refreshTokens.issue(user.id);
      log.info({ userId: user.id, familyId }, 'login succeeded');
      return pairFor(user, token);
    },

    async refresh(refreshToken: string, log: SessionLogger = o.logger): Promise<TokenPair> {
      requireString('refresh_token', refreshToken, MAX_REFRESH_TOKEN_LENGTH);
      const outcome = o.refreshTokens.rotate(
        refreshToken,
        (id) => o.users.findById(id) !== undefined,
      );
      if (!outcome.ok) {
        const { reason, familyId, userId } = outcome;
        if (reason === 'reused')
          log.warn({ familyId, userId }, 'refresh token reused; family revoked');
        else log.info({ reason, familyId, userId }, 'refresh rejected');
        throw new InvalidRefreshTokenError();
      }
      // The user is read again, so changed roles take effect at the next refresh.
      const user = o.users.findById(outcome.userId);
      if (!user) throw new InvalidRefreshTokenError();
      return pairFor(user, outcome.token);
    },

    async logout(refreshToken: string, log: SessionLogger = o.logger): Promise<void> {
      requireString('refresh_token', refreshToken, MAX_REFRESH_TOKEN_LENGTH);
      const revoked = o.refreshTokens.revoke(refreshToken);
      log.info({ familyId: revoked?.familyId, known: revoked !== undefined }, 'logout');
    },
  };
}

export type Sessions = ReturnType<typeof createSessions>;
