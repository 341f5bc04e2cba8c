import { splitHostPort, toTarget } from '@jwt-mesh/contracts';
import {
  CONFIG_EXIT_CODE,
  ConfigError,
  commonSchema,
  defineConfig,
  loadConfig,
  printSchemaAndExitIfAsked,
  type ConfigValues,
  type EnvLike,
} from '@jwt-mesh/service-kit';
import { SUPPORTED_ALGORITHMS } from '@jwt-mesh/jwt-interceptor';

const SERVICE = 'order-service';
export const DEFAULT_JWKS_URL = 'http://127.0.0.1:8080/.well-known/jwks.json';
// Asymmetric only (the lib's list): a verifier never holds a secret that could mint tokens.
const ALGORITHMS: readonly string[] = SUPPORTED_ALGORITHMS;

/** Every variable order-service reads. `--print-config-schema` prints it. */
export const schema = defineConfig({
  ...commonSchema({ service: SERVICE, grpcPort: 50053 }),
  JWT_ISSUER: {
    type: 'string',
    default: 'http://127.0.0.1:8080',
    description: 'expected `iss` of access tokens',
  },
  JWT_AUDIENCE: {
    type: 'string',
    default: SERVICE,
    description: 'this service’s name; must be in `aud`',
  },
  JWT_ALGORITHMS: {
    type: 'list',
    default: ['ES256'],
    description: `accepted JWS algorithms, comma separated (pinned; some of ${ALGORITHMS.join(', ')})`,
  },
  JWKS_URL: {
    type: 'url',
    description: `JWKS of the auth service, fetched at start and refreshed [default ${DEFAULT_JWKS_URL}]; not together with JWT_PUBLIC_KEYS_FILE`,
  },
  JWT_PUBLIC_KEYS_FILE: {
    type: 'path',
    description:
      'static PEM, JWK or JWKS file of verification keys; then auth is never called. Not together with JWKS_URL',
  },
  JWT_CLOCK_TOLERANCE_SECONDS: {
    type: 'int',
    default: 30,
    min: 0,
    max: 300,
    description: 'allowed clock skew for exp/nbf/iat',
  },
  JWT_MAX_TOKEN_LIFETIME_SECONDS: {
    type: 'int',
    default: 3600,
    min: 1,
    max: 86400,
    description: 'tokens whose exp - iat exceeds this are refused',
  },
  JWT_CACHE_MAX_ENTRIES: {
    type: 'int',
    default: 10000,
    min: 0,
    max: 1000000,
    description: 'verified-token cache size; 0 turns the cache off',
  },
  USER_SERVICE_ADDR: {
    type: 'list',
    default: ['127.0.0.1:50052'],
    description: 'user-service host:port; a comma list of IP:port = round-robin over replicas',
  },
  USER_SERVICE_TIMEOUT_MS: {
    type: 'int',
    default: 2000,
    min: 1,
    max: 60000,
    description:
      'deadline of a call to user-service (the caller’s remaining deadline wins if shorter)',
  },
});

/** Where verification keys come from: exactly one source. */
export type KeySource = { kind: 'jwks'; url: string } | { kind: 'file'; path: string };

export type OrderConfig = ConfigValues<typeof schema> & { readonly keySource: KeySource };

/**
 * Parses and checks every variable in one pass; throws ConfigError listing all problems.
 * @example
 * const config = parseOrderConfig({ GRPC_PORT: '0', JWT_PUBLIC_KEYS_FILE: 'keys.json' });
 */
export function parseOrderConfig(env: EnvLike): OrderConfig {
  const problems: string[] = [];
  let values: ConfigValues<typeof schema> | undefined;
  try {
    values = loadConfig(schema, env);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    problems.push(...err.problems);
  }
  // Cross-variable checks read the raw values, so they report even when another variable is bad.
  const raw = (name: keyof typeof schema) => env[name]?.trim() || undefined;
  problems.push(...algorithmProblems(raw('JWT_ALGORITHMS')));
  if (raw('JWKS_URL') && raw('JWT_PUBLIC_KEYS_FILE')) {
    problems.push('JWKS_URL, JWT_PUBLIC_KEYS_FILE: set one or the other, not both');
  }
  const addresses = (raw('USER_SERVICE_ADDR') ?? '')
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);
  try {
    addresses.forEach(splitHostPort);
    if (addresses.length > 0) toTarget(addresses);
  } catch (err) {
    problems.push(`USER_SERVICE_ADDR: ${(err as Error).message}`);
  }
  if (problems.length > 0 || !values) throw new ConfigError(problems);
  const keySource: KeySource = values.JWT_PUBLIC_KEYS_FILE
    ? { kind: 'file', path: values.JWT_PUBLIC_KEYS_FILE }
    : { kind: 'jwks', url: values.JWKS_URL ?? DEFAULT_JWKS_URL };
  return Object.freeze({ ...values, keySource });
}

/**
 * The process entry: `--print-config-schema` prints and exits 0; bad config prints every problem to
 * stderr and exits 2 before anything binds.
 */
export function loadOrderConfig(
  env: EnvLike = process.env,
  argv: readonly string[] = process.argv,
): OrderConfig {
  printSchemaAndExitIfAsked(schema, argv);
  try {
    return parseOrderConfig(env);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    process.stderr.write(
      `${SERVICE}: invalid configuration:\n${err.problems.map((p) => `  - ${p}\n`).join('')}`,
    );
    return process.exit(CONFIG_EXIT_CODE);
  }
}

function algorithmProblems(raw: string | undefined): string[] {
  const list = (raw ?? '')
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);
  return list
    .filter((alg) => !ALGORITHMS.includes(alg))
    .map((alg) => `JWT_ALGORITHMS: ${JSON.stringify(alg)} is not supported`);
}
