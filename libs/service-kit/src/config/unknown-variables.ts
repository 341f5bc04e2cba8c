import type { ConfigSchema, EnvLike } from './schema-types';

/**
 * Variables in `env` that start with one of `prefixes` but are not in `schema`: usually typos
 * (`JWT_ISUER`). The environment holds many unrelated variables, so `loadConfig` does not reject
 * unknown ones; compose/k8s checks call this with the service's own prefixes.
 * @example
 * unknownVariables(schema, { JWT_ISUER: 'x', PATH: '/bin' }, ['JWT_']); // ['JWT_ISUER']
 */
export function unknownVariables(
  schema: ConfigSchema,
  env: EnvLike,
  prefixes: readonly string[],
): string[] {
  return Object.keys(env)
    .filter((name) => prefixes.some((p) => name.startsWith(p)) && !Object.hasOwn(schema, name))
    .sort();
}
