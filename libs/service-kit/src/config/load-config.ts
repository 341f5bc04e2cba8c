import { parseValue } from './parse-value';
import type { ConfigSchema, ConfigValues, EnvLike, VarSpec } from './schema-types';

/**
 * Every configuration problem found in one pass; `message` repeats them, secrets never shown.
 * @example
 * try { loadConfig(schema, env) } catch (e) { if (e instanceof ConfigError) console.error(e.problems) }
 */
export class ConfigError extends Error {
  readonly code = 'ERR_CONFIG_INVALID';
  constructor(readonly problems: readonly string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Reads every variable of `schema` from `env` in one pass and returns a frozen, typed object.
 * An empty value counts as absent (compose writes `FOO=` for "unset"), so the default applies.
 * @throws ConfigError listing ALL problems, not just the first.
 * @example
 * const config = loadConfig(schema, process.env); // in the app's config.ts
 * config.GRPC_PORT; // number
 */
export function loadConfig<const S extends ConfigSchema>(schema: S, env: EnvLike): ConfigValues<S> {
  const values: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [name, spec] of Object.entries(schema)) {
    const raw = env[name];
    if (raw === undefined || raw.trim() === '') {
      if (isRequired(spec) && spec.default === undefined)
        problems.push(`${name}: is required (${spec.description})`);
      else values[name] = absentValue(spec);
      continue;
    }
    const parsed = parseValue(spec, raw);
    if (parsed.ok) values[name] = parsed.value;
    else problems.push(describe(name, spec, raw, parsed.why));
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze(values) as ConfigValues<S>;
}

function isRequired(spec: VarSpec): boolean {
  return 'required' in spec && spec.required === true;
}

function absentValue(spec: VarSpec): unknown {
  if (spec.default !== undefined) {
    return Array.isArray(spec.default) ? Object.freeze([...spec.default]) : spec.default;
  }
  if (spec.type === 'bool') return false;
  if (spec.type === 'list') return Object.freeze([]);
  return undefined;
}

// `scheme://user:pass@host` -> `scheme://***@host`: a bad URL may still carry a real password.
const withoutUserinfo = (raw: string) =>
  raw.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#@]*@/i, '$1***@');

// For a secret even the reason could hint at the value, so say only that it is invalid.
function describe(name: string, spec: VarSpec, raw: string, why: string): string {
  if ('secret' in spec && spec.secret) return `${name}: is invalid (secret value not shown)`;
  const text = withoutUserinfo(raw);
  const shown = text.length > 80 ? `${text.slice(0, 80)}…` : text;
  return `${name}: ${why}, got ${JSON.stringify(shown)}`;
}
