import type { ConfigSchema } from './schema-types';
import type { ExitDeps } from './exit-on-invalid';

/** The command-line flag that makes a service print its schema and exit. */
export const PRINT_SCHEMA_FLAG = '--print-config-schema';

/**
 * The schema as plain JSON: `{ variables: { NAME: { type, description, required, secret, default?,
 * values?, min?, max? } } }`, in schema order. Defaults of secrets are left out.
 * @example
 * Object.keys(describeSchema(schema).variables); // ['HOST', 'GRPC_PORT', ...]
 */
export function describeSchema(schema: ConfigSchema): { variables: Record<string, unknown> } {
  const variables: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(schema)) {
    const secret = 'secret' in spec && spec.secret === true;
    variables[name] = {
      type: spec.type,
      description: spec.description,
      required: 'required' in spec && spec.required === true && spec.default === undefined,
      secret,
      ...(spec.default !== undefined && !secret ? { default: spec.default } : {}),
      ...(spec.type === 'enum' ? { values: spec.values } : {}),
      ...(spec.type === 'int' ? { min: spec.min, max: spec.max } : {}),
      ...(spec.type === 'port' ? { min: 0, max: 65535 } : {}),
    };
  }
  return { variables };
}

/**
 * With `--print-config-schema` in `argv`, prints {@link describeSchema} as JSON on stdout and exits 0
 * (the compose/k8s and README checks read it). Otherwise returns and does nothing.
 * @example
 * printSchemaAndExitIfAsked(schema, process.argv); // first line of main.ts
 */
export function printSchemaAndExitIfAsked(
  schema: ConfigSchema,
  argv: readonly string[],
  deps: { stdout?: { write(text: string): unknown }; exit?: ExitDeps['exit'] } = {},
): void {
  if (!argv.includes(PRINT_SCHEMA_FLAG)) return;
  (deps.stdout ?? process.stdout).write(`${JSON.stringify(describeSchema(schema), null, 2)}\n`);
  (deps.exit ?? process.exit)(0);
}
