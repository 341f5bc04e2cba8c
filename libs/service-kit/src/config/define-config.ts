import type { ConfigSchema, VarSpec } from './schema-types';

const NAME = /^[A-Z][A-Z0-9_]*$/;

/**
 * Checks a schema once, at startup, and returns it unchanged with its literal types kept (so enum
 * values become a union and `required: true` removes `undefined`). A bad schema is a programmer error:
 * it throws a `TypeError` naming the variable.
 * @example
 * const schema = defineConfig({
 *   ...commonSchema({ service: 'order-service', grpcPort: 50053 }),
 *   USER_SERVICE_ADDR: { type: 'list', default: ['127.0.0.1:50052'], description: 'user-service replicas' },
 * });
 */
export function defineConfig<const S extends ConfigSchema>(schema: S): S {
  for (const [name, spec] of Object.entries(schema)) checkSpec(name, spec);
  return schema;
}

function checkSpec(name: string, spec: VarSpec): void {
  const fail = (why: string): never => {
    throw new TypeError(`config schema: ${name}: ${why}`);
  };
  if (!NAME.test(name)) fail('names are UPPER_SNAKE_CASE');
  if (typeof spec.description !== 'string' || spec.description === '')
    fail('description is required');
  const d: unknown = spec.default;
  switch (spec.type) {
    case 'string':
    case 'path':
    case 'url':
      if (d !== undefined && typeof d !== 'string') fail('default must be a string');
      return;
    case 'int':
      if (d !== undefined && !Number.isSafeInteger(d)) fail('default must be an integer');
      if (spec.min !== undefined && spec.max !== undefined && spec.min > spec.max)
        fail('min > max');
      return;
    case 'port':
      if (d !== undefined && !(Number.isInteger(d) && (d as number) >= 0 && (d as number) <= 65535))
        fail('default must be a port 0..65535');
      return;
    case 'enum':
      if (!Array.isArray(spec.values) || spec.values.length === 0)
        fail('values must be a non-empty list');
      if (d !== undefined && !spec.values.includes(d as string))
        fail('default must be one of values');
      return;
    case 'list':
      if (d !== undefined && !(Array.isArray(d) && d.every((x) => typeof x === 'string')))
        fail('default must be a list of strings');
      return;
    case 'bool':
      if (d !== undefined && typeof d !== 'boolean') fail('default must be a boolean');
      return;
    default:
      fail(`unknown type ${JSON.stringify((spec as { type: unknown }).type)}`);
  }
}
