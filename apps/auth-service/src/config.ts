import {
  CONFIG_EXIT_CODE,
  ConfigError,
  commonSchema,
  defineConfig,
  loadConfig,
  type ConfigValues,
  type EnvLike,
} from '@jwt-mesh/service-kit';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export const SERVICE = 'auth-service';

/** Every variable the auth service reads (the only reader of process.env is this file). */
export const authSchema = defineConfig({
  ...commonSchema({ service: SERVICE, grpcPort: 50051 }),
  HTTP_PORT: {
    type: 'port',
    default: 8080,
    description: 'HTTP port of /.well-known/jwks.json and openid-configuration; 0 = any free port',
  },
  JWT_ISSUER: {
    type: 'url',
    default: 'http://127.0.0.1:8080',
    description: 'iss of every token; downstream services expect exactly this',
  },
  JWKS_URI: {
    type: 'url',
    description:
      'public JWKS URL announced as jwks_uri in openid-configuration (default: JWT_ISSUER + /.well-known/jwks.json)',
  },
  JWT_AUDIENCES: {
    type: 'list',
    default: ['order-service', 'user-service', 'auth-service'],
    description:
      'aud of every token; auth-service is included so an admin token can call RotateKeys',
  },
  JWT_ALG: {
    type: 'enum',
    values: ['ES256', 'RS256', 'PS256', 'EdDSA'],
    default: 'ES256',
    description: 'signing algorithm of generated keys',
  },
  ACCESS_TOKEN_TTL_SECONDS: {
    type: 'int',
    default: 900,
    min: 30,
    max: 86400,
    description: 'access token lifetime (exp - iat)',
  },
  REFRESH_TOKEN_TTL_SECONDS: {
    type: 'int',
    default: 1209600,
    min: 60,
    max: 7776000,
    description: 'refresh token lifetime; each Refresh issues a fresh one',
  },
  SIGNING_KEY_FILE: {
    type: 'path',
    description:
      'operator-supplied private key (PEM or JWK); never rewritten; disables rotation. Default: keys generated under DATA_DIR/keys',
  },
  SIGNING_KEY: {
    type: 'string',
    secret: true,
    description:
      'the same as SIGNING_KEY_FILE, the PEM or JWK text itself (e.g. from a secret store); never logged',
  },
  SEED_FILE: {
    type: 'path',
    description:
      "users loaded into an empty database (default: seed/demo-users.json beside main.js, else the repo's seed/)",
  },
  KEY_PUBLISH_DELAY_SECONDS: {
    type: 'int',
    default: 600,
    min: 0,
    max: 86400,
    description:
      'after a rotation the new key is published this long before it signs; ≥ the downstream JWKS refresh interval',
  },
  KEY_ROTATION_INTERVAL_SECONDS: {
    type: 'int',
    default: 0,
    min: 0,
    max: 31536000,
    description:
      'start a rotation automatically when the signing key is this old; 0 = only on demand',
  },
  JWKS_MAX_AGE_SECONDS: {
    type: 'int',
    default: 300,
    min: 0,
    max: 86400,
    description: 'Cache-Control max-age of the JWKS and discovery documents',
  },
  LOGIN_MAX_FAILURES: {
    type: 'int',
    default: 5,
    min: 1,
    max: 1000,
    description:
      'failed logins in a row for one username before a lockout; checks in flight count, so no more run at once',
  },
  LOGIN_LOCKOUT_SECONDS: {
    type: 'int',
    default: 300,
    min: 1,
    max: 86400,
    description: 'how long a username stays locked out (RESOURCE_EXHAUSTED)',
  },
  LOGIN_MAX_CONCURRENT_HASHES: {
    type: 'int',
    default: 4,
    min: 1,
    max: 256,
    description:
      "password hashes (scrypt) run at once by Login; 4 = libuv's default threadpool size (UV_THREADPOOL_SIZE)",
  },
  LOGIN_MAX_QUEUED_HASHES: {
    type: 'int',
    default: 32,
    min: 0,
    max: 10000,
    description:
      'logins waiting for a hashing slot; beyond that Login answers RESOURCE_EXHAUSTED at once, without hashing',
  },
  PASSWORD_SCRYPT_LOG2_N: {
    type: 'int',
    default: 15,
    min: 10,
    max: 20,
    description:
      'scrypt cost of new password hashes, as log2(N) with r=8, p=1 (15 = OWASP minimum)',
  },
  INTROSPECTION_ENABLED: {
    type: 'bool',
    default: false,
    description:
      'answer Introspect (RFC 7662, unauthenticated): only for the benchmark baseline; off = FAILED_PRECONDITION',
  },
});

type RawConfig = ConfigValues<typeof authSchema>;

/** The checked configuration: the schema's values, with SEED_FILE and JWKS_URI resolved. */
export type AuthConfig = Readonly<
  Omit<RawConfig, 'SEED_FILE' | 'JWKS_URI'> & { SEED_FILE: string; JWKS_URI: string }
>;

/** seed/demo-users.json beside the bundled main.js, else the nearest seed/ above this file (the repo's). */
export function defaultSeedFile(start: string = __dirname): string {
  for (let dir = start; ; dir = dirname(dir)) {
    const candidate = join(dir, 'seed', 'demo-users.json');
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return join(start, 'seed', 'demo-users.json');
  }
}

function jwksUriFor(issuer: string): string {
  return `${issuer.replace(/\/+$/, '')}/.well-known/jwks.json`;
}

/**
 * Reads and checks every variable in one pass, plus the checks that span variables.
 * @throws ConfigError listing every problem
 * @example
 * const config = loadAuthConfig({ GRPC_PORT: '0', HTTP_PORT: '0' });
 */
export function loadAuthConfig(env: EnvLike): AuthConfig {
  const problems: string[] = [];
  let raw: RawConfig | undefined;
  try {
    raw = loadConfig(authSchema, env);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    problems.push(...err.problems);
  }
  const set = (name: string) => (env[name] ?? '').trim() !== '';
  if (set('SIGNING_KEY_FILE') && set('SIGNING_KEY'))
    problems.push('SIGNING_KEY_FILE, SIGNING_KEY: set one, not both');
  if (set('SIGNING_KEY_FILE') && !existsSync(String(env.SIGNING_KEY_FILE).trim())) {
    problems.push(
      `SIGNING_KEY_FILE: no such file, got ${JSON.stringify(String(env.SIGNING_KEY_FILE).trim())}`,
    );
  }
  if (set('SEED_FILE') && !existsSync(String(env.SEED_FILE).trim())) {
    problems.push(`SEED_FILE: no such file, got ${JSON.stringify(String(env.SEED_FILE).trim())}`);
  }
  if (problems.length > 0 || !raw) throw new ConfigError(problems);
  return Object.freeze({
    ...raw,
    SEED_FILE: resolve(raw.SEED_FILE ?? defaultSeedFile()),
    JWKS_URI: raw.JWKS_URI ?? jwksUriFor(raw.JWT_ISSUER),
  });
}

/** loadAuthConfig(process.env), or print every problem to stderr and exit 2 before binding anything. */
export function loadAuthConfigOrExit(env: EnvLike = process.env): AuthConfig {
  try {
    return loadAuthConfig(env);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    const n = err.problems.length;
    process.stderr.write(
      `${SERVICE}: invalid configuration (${n} problem${n === 1 ? '' : 's'}):\n${err.problems.map((p) => `  - ${p}\n`).join('')}`,
    );
    return process.exit(CONFIG_EXIT_CODE);
  }
}
