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
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

export { DEFAULT_JWKS_URL, type KeySource } from '@jwt-mesh/service-auth';

const SERVICE = 'user-service';
const SEED_RELATIVE = join('seed', 'demo-users.json');

/** Every variable user-service reads. `--print-config-schema` prints it. */
export const schema = defineConfig({
  ...commonSchema({ service: SERVICE, grpcPort: 50052 }),
  ...verifierSchema({ service: SERVICE }),
  SEED_FILE: {
    type: 'path',
    description: `profiles loaded when the database is empty [default ${SEED_RELATIVE} beside main.js, else the repo's]`,
  },
});

export type UserConfig = Omit<ConfigValues<typeof schema>, 'SEED_FILE'> & {
  readonly SEED_FILE: string;
  readonly keySource: KeySource;
};

/** `seed/demo-users.json` beside the bundled main.js, else the nearest one above (the repo's). */
export function findDefaultSeedFile(start: string = __dirname): string | undefined {
  for (let dir = start; ; dir = dirname(dir)) {
    const candidate = join(dir, SEED_RELATIVE);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

/**
 * Parses and checks every variable in one pass; throws ConfigError listing all problems.
 * @example
 * const config = parseUserConfig({ GRPC_PORT: '0', JWT_PUBLIC_KEYS_FILE: 'keys.json' });
 */
export function parseUserConfig(env: EnvLike, seedSearchStart?: string): UserConfig {
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
  const seedFile = raw('SEED_FILE') ?? findDefaultSeedFile(seedSearchStart);
  if (!seedFile)
    problems.push(`SEED_FILE: not set, and no ${SEED_RELATIVE} beside main.js or above it`);
  else if (!existsSync(seedFile))
    problems.push(`SEED_FILE: no such file ${JSON.stringify(seedFile)}`);
  if (problems.length > 0 || !values || !seedFile) throw new ConfigError(problems);
  return Object.freeze({ ...values, SEED_FILE: seedFile, keySource: keySourceOf(values) });
}

/**
 * The process entry: `--print-config-schema` prints and exits 0; bad config prints every problem to
 * stderr and exits 2 before anything binds.
 */
export function loadUserConfig(
  env: EnvLike = process.env,
  argv: readonly string[] = process.argv,
): UserConfig {
  printSchemaAndExitIfAsked(schema, argv);
  try {
    return parseUserConfig(env);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    process.stderr.write(
      `${SERVICE}: invalid configuration:\n${err.problems.map((p) => `  - ${p}\n`).join('')}`,
    );
    return process.exit(CONFIG_EXIT_CODE);
  }
}
