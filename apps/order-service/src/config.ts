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
import {
  keySourceOf,
  verifierProblems,
  verifierSchema,
  type KeySource,
} from '@jwt-mesh/service-auth';

export { DEFAULT_JWKS_URL, type KeySource } from '@jwt-mesh/service-auth';

const SERVICE = 'order-service';

/** Every variable order-service reads. `--print-config-schema` prints it. */
export const schema = defineConfig({
  ...commonSchema({ service: SERVICE, grpcPort: 50053 }),
  ...verifierSchema({ service: SERVICE }),
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
  problems.push(...verifierProblems(env));
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
  return Object.freeze({ ...values, keySource: keySourceOf(values) });
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
