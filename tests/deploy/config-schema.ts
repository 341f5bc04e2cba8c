// The services' own description of their configuration (`main.js --print-config-schema`, printed by
// service-kit's describeSchema) and a checker for one environment against it.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(__dirname, '../..');
export const SERVICES = ['auth-service', 'user-service', 'order-service'] as const;
export type Service = (typeof SERVICES)[number];

/** Set in the images and manifests although no service reads it (Node and libraries do). */
export const EXTRA_ALLOWED = new Set(['NODE_ENV']);

export interface VarDescription {
  type: 'string' | 'path' | 'url' | 'int' | 'port' | 'enum' | 'list' | 'bool';
  description: string;
  required: boolean;
  secret: boolean;
  default?: unknown;
  values?: readonly string[];
  min?: number;
  max?: number;
}

export type ConfigSchema = Readonly<Record<string, VarDescription>>;

/** An environment as a deployment file sets it: `undefined` = set from somewhere we cannot read. */
export type DeployedEnv = Readonly<Record<string, string | undefined>>;

/** Runs the built service with `--print-config-schema`; the Nx target builds the apps first. */
export function loadSchema(service: Service): ConfigSchema {
  const main = join(ROOT, 'dist/apps', service, 'main.js');
  if (!existsSync(main)) {
    throw new Error(
      `${main} is missing: build first (npx nx run-many -t build -p ${SERVICES.join(',')})`,
    );
  }
  const out = execFileSync(process.execPath, [main, '--print-config-schema'], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 30_000,
    killSignal: 'SIGKILL',
  });
  const parsed = JSON.parse(out) as { variables?: ConfigSchema };
  if (!parsed.variables || Object.keys(parsed.variables).length === 0) {
    throw new Error(`${service} printed no variables`);
  }
  return parsed.variables;
}

/** The value a service will see for `name`: the deployed one, else the schema default. */
export function effective(
  schema: ConfigSchema,
  env: DeployedEnv,
  name: string,
): string | undefined {
  if (Object.hasOwn(env, name)) return env[name];
  const d = schema[name]?.default;
  if (d === undefined) return undefined;
  return Array.isArray(d) ? d.join(',') : String(d);
}

function valueProblem(spec: VarDescription, raw: string): string | undefined {
  const v = raw.trim();
  switch (spec.type) {
    case 'port':
    case 'int': {
      if (!/^-?\d+$/.test(v)) return `not an integer: ${JSON.stringify(raw)}`;
      const n = Number(v);
      const min = spec.type === 'port' ? 0 : spec.min;
      const max = spec.type === 'port' ? 65535 : spec.max;
      if (min !== undefined && n < min) return `below ${min}: ${n}`;
      if (max !== undefined && n > max) return `above ${max}: ${n}`;
      return undefined;
    }
    case 'enum':
      return spec.values?.includes(v) ? undefined : `not one of ${spec.values?.join('|')}: ${raw}`;
    case 'url':
      try {
        const u = new URL(v);
        return ['http:', 'https:'].includes(u.protocol) ? undefined : `not http(s): ${raw}`;
      } catch {
        return `not a URL: ${JSON.stringify(raw)}`;
      }
    case 'bool':
      return /^(true|false|1|0|yes|no|on|off)$/i.test(v) ? undefined : `not a boolean: ${raw}`;
    case 'list':
      return v.split(',').some((s) => s.trim() !== '') ? undefined : 'empty list';
    default:
      return v === '' ? 'empty' : undefined;
  }
}

/**
 * Everything wrong with `env` for a service: required variables missing, names the service does not
 * read (typos such as JWT_ISUER), and values its config loader would reject.
 */
export function checkEnv(schema: ConfigSchema, env: DeployedEnv): string[] {
  const problems: string[] = [];
  for (const [name, spec] of Object.entries(schema)) {
    if (spec.required && !Object.hasOwn(env, name)) problems.push(`${name}: required but not set`);
  }
  for (const [name, value] of Object.entries(env)) {
    const spec = schema[name];
    if (!spec) {
      if (!EXTRA_ALLOWED.has(name)) problems.push(`${name}: not read by the service`);
      continue;
    }
    if (value === undefined) continue;
    const p = valueProblem(spec, value);
    if (p) problems.push(`${name}: ${p}`);
  }
  return problems;
}

/** `host:port` → parts (IPv6 in brackets). */
export function splitHostPort(address: string): { host: string; port: number } {
  const m = /^\[?([^\]]*?)\]?:(\d{1,5})$/.exec(address.trim());
  if (!m) throw new Error(`not host:port: ${address}`);
  return { host: m[1], port: Number(m[2]) };
}

/** URL → host and effective port. */
export function urlHostPort(url: string): { host: string; port: number; path: string } {
  const u = new URL(url);
  const port = u.port ? Number(u.port) : u.protocol === 'https:' ? 443 : 80;
  return { host: u.hostname, port, path: u.pathname };
}
