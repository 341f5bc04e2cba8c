import { ConfigError, loadConfig } from './load-config';
import type { ConfigSchema, ConfigValues, EnvLike } from './schema-types';

/** Side effects `loadConfigOrExit` needs; tests inject fakes. */
export interface ExitDeps {
  exit?: (code: number) => never;
  stderr?: { write(text: string): unknown };
}

/** The exit code for bad configuration (like a usage error), distinct from a crash (1). */
export const CONFIG_EXIT_CODE = 2;

/**
 * `loadConfig`, but on bad configuration it prints every problem to stderr and exits with code 2.
 * Call it before creating servers, so nothing binds with a half-valid config.
 * @example
 * // apps/order-service/src/config.ts
 * export const loadOrderConfig = () => loadConfigOrExit(schema, process.env, 'order-service');
 */
export function loadConfigOrExit<const S extends ConfigSchema>(
  schema: S,
  env: EnvLike,
  service: string,
  deps: ExitDeps = {},
): ConfigValues<S> {
  try {
    return loadConfig(schema, env);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    const stderr = deps.stderr ?? process.stderr;
    const n = err.problems.length;
    stderr.write(
      `${service}: invalid configuration (${n} problem${n === 1 ? '' : 's'}):\n` +
        err.problems.map((p) => `  - ${p}\n`).join(''),
    );
    return (deps.exit ?? process.exit)(CONFIG_EXIT_CODE);
  }
}
