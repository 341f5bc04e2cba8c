import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { AuthConfig } from './config';
import { createAccessTokens } from './domain/access-tokens';
import { createHashAdmission } from './domain/hash-admission';
import {
  openKeyRing,
  staticKeyRing,
  type KeyRing,
  type KeyRingOptions,
} from './domain/keys/key-ring';
import { createLoginThrottle } from './domain/login-throttle';
import type { ScryptParams } from './domain/password';
import { createRefreshTokens } from './domain/refresh-tokens';
import { createSessions } from './domain/sessions';
import { createAuthServer, type RunningAuthServer } from './server';
import { openDatabase } from './store/database';
import { openKeyDir } from './store/key-dir';
import { createRefreshTokenStore } from './store/refresh-token-store';
import { readSeedFile, seedUsers, type SeedUser } from './store/seed';
import { createUserStore, type UserStore } from './store/user-store';

/** Test seams; production passes only `logger`. */
export interface AuthServiceOptions {
  logger: Logger;
  /** Milliseconds since the epoch (default Date.now): tokens, key timeline, refresh expiry, lockouts. */
  now?: () => number;
  /** scrypt cost of new hashes (default from PASSWORD_SCRYPT_LOG2_N, r=8, p=1). Tests pass a low N. */
  scrypt?: ScryptParams;
  /** SQLite file (default DATA_DIR/auth.db) or ':memory:'. */
  database?: string;
  /** Seed users instead of SEED_FILE. */
  seed?: readonly SeedUser[];
}

export interface RunningAuthService extends RunningAuthServer {
  keys: KeyRing;
  users: UserStore;
  /** Stops the servers, timers and database and releases the key directory. */
  stop(graceMs: number): Promise<void>;
}

const HOUSEKEEPING_MS = 60 * 60 * 1000;

export function scryptFromConfig(config: AuthConfig): ScryptParams {
  return { N: 2 ** config.PASSWORD_SCRYPT_LOG2_N, r: 8, p: 1 };
}

/** Opens the signing keys: operator-supplied (SIGNING_KEY_FILE / SIGNING_KEY) or DATA_DIR/keys. */
export async function openKeys(
  config: AuthConfig,
  o: { logger: Logger; now: () => number; offline?: boolean },
): Promise<{ ring: KeyRing; release: () => void }> {
  const ringOptions: KeyRingOptions = {
    alg: config.JWT_ALG,
    tokenTtlSeconds: config.ACCESS_TOKEN_TTL_SECONDS,
    publishDelaySeconds: config.KEY_PUBLISH_DELAY_SECONDS,
    now: o.now,
    logger: o.logger,
    offline: o.offline,
  };
  const operatorKey = config.SIGNING_KEY_FILE
    ? readFileSync(config.SIGNING_KEY_FILE, 'utf8')
    : config.SIGNING_KEY;
  if (operatorKey !== undefined) {
    const ring = await staticKeyRing(operatorKey, ringOptions);
    o.logger.info(
      { kid: ring.signingKey().kid, alg: config.JWT_ALG, source: 'operator' },
      'signing key loaded',
    );
    return { ring, release: () => undefined };
  }
  mkdirSync(config.DATA_DIR, { recursive: true, mode: 0o700 });
  const dir = openKeyDir(join(config.DATA_DIR, 'keys'));
  const release = dir.lock();
  try {
    const ring = await openKeyRing(dir, ringOptions);
    o.logger.info(
      { kid: ring.signingKey().kid, published: ring.publicJwks().keys.length, source: 'generated' },
      'signing keys loaded',
    );
    return { ring, release };
  } catch (err) {
    release();
    throw err;
  }
}

/**
 * Builds everything from the configuration (keys, database, seed, domain) and starts both servers.
 * @example
 * const running = await startAuthService(loadAuthConfig(process.env), { logger });
 */
export async function startAuthService(
  config: AuthConfig,
  o: AuthServiceOptions,
): Promise<RunningAuthService> {
  const now = o.now ?? Date.now;
  const logger = o.logger;
  const scrypt = o.scrypt ?? scryptFromConfig(config);
  const { ring, release } = await openKeys(config, { logger, now });
  const cleanups: Array<() => void> = [release];
  try {
    if (o.database === undefined) mkdirSync(config.DATA_DIR, { recursive: true, mode: 0o700 });
    const db = openDatabase(o.database ?? join(config.DATA_DIR, 'auth.db'));
    cleanups.push(() => db.close());
    const users = createUserStore(db);
    if (users.count() === 0) {
      const seeded = await seedUsers(
        users,
        o.seed ?? readSeedFile(config.SEED_FILE),
        scrypt,
        now(),
      );
      logger.info({ users: seeded, from: o.seed ? 'options' : config.SEED_FILE }, 'users seeded');
    }
    const refreshTokens = createRefreshTokens({
      store: createRefreshTokenStore(db),
      ttlSeconds: config.REFRESH_TOKEN_TTL_SECONDS,
      now,
    });
    const accessTokens = createAccessTokens({
      issuer: config.JWT_ISSUER,
      audiences: config.JWT_AUDIENCES,
      ttlSeconds: config.ACCESS_TOKEN_TTL_SECONDS,
      keys: ring,
      now,
    });
    const throttle = createLoginThrottle({
      maxFailures: config.LOGIN_MAX_FAILURES,
      lockoutSeconds: config.LOGIN_LOCKOUT_SECONDS,
      now,
    });
    const sessions = createSessions({
      users,
      accessTokens,
      refreshTokens,
      throttle,
      scrypt,
      hashing: createHashAdmission({
        maxConcurrent: config.LOGIN_MAX_CONCURRENT_HASHES,
        maxQueued: config.LOGIN_MAX_QUEUED_HASHES,
      }),
      logger,
    });
    await sessions.warmUp();

    const running = await createAuthServer({
      service: 'auth-service',
      host: config.HOST,
      grpcPort: config.GRPC_PORT,
      httpPort: config.HTTP_PORT,
      issuer: config.JWT_ISSUER,
      jwksUri: config.JWKS_URI,
      jwksMaxAgeSeconds: config.JWKS_MAX_AGE_SECONDS,
      accessTokenTtlSeconds: config.ACCESS_TOKEN_TTL_SECONDS,
      introspectionEnabled: config.INTROSPECTION_ENABLED,
      keys: ring,
      accessTokens,
      sessions,
      logger,
      now,
    });

    const housekeeping = setInterval(() => {
      const deleted = refreshTokens.deleteExpired();
      if (deleted > 0) logger.info({ deleted }, 'expired refresh tokens deleted');
    }, HOUSEKEEPING_MS);
    housekeeping.unref();
    cleanups.push(() => clearInterval(housekeeping));
    const interval = config.KEY_ROTATION_INTERVAL_SECONDS;
    if (interval > 0 && ring.rotatable) {
      const check = () => {
        ring
          .rotateIfDue(interval)
          .catch((err: unknown) => logger.error({ err }, 'scheduled key rotation failed'));
      };
      const timer = setInterval(check, Math.min(interval * 1000, 60_000));
      timer.unref();
      cleanups.push(() => clearInterval(timer));
      check();
    }

    const closeAll = () => {
      for (const c of cleanups.reverse()) c();
    };
    return {
      ...running,
      keys: ring,
      users,
      async stop(graceMs) {
        try {
          await running.shutdown(graceMs);
        } finally {
          closeAll();
        }
      },
    };
  } catch (err) {
    for (const c of cleanups.reverse()) c();
    throw err;
  }
}
