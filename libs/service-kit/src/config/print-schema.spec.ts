import { commonSchema } from './common-schema';
import { defineConfig } from './define-config';
import { PRINT_SCHEMA_FLAG, printSchemaAndExitIfAsked } from './print-schema';
import { unknownVariables } from './unknown-variables';

const schema = defineConfig({
  ...commonSchema({ service: 'auth-service', grpcPort: 50051 }),
  SIGNING_KEY: { type: 'string', default: 'dev-only', secret: true, description: 'key' },
});

describe('printSchemaAndExitIfAsked', () => {
  it('prints names, types, defaults, descriptions, required and secret flags, then exits 0', () => {
    let out = '';
    const exits: number[] = [];
    const deps = {
      stdout: { write: (t: string) => (out += t) },
      exit: (c: number) => exits.push(c) as never,
    };
    printSchemaAndExitIfAsked(schema, ['node', 'main.js', PRINT_SCHEMA_FLAG], deps);
    expect(exits).toEqual([0]);
    const { variables } = JSON.parse(out) as { variables: Record<string, Record<string, unknown>> };
    expect(Object.keys(variables)).toEqual([
      'HOST',
      'GRPC_PORT',
      'LOG_LEVEL',
      'LOG_FORMAT',
      'DATA_DIR',
      'SHUTDOWN_GRACE_MS',
      'SIGNING_KEY',
    ]);
    expect(variables.GRPC_PORT).toEqual({
      type: 'port',
      description: 'gRPC port; 0 = any free port',
      required: false,
      secret: false,
      default: 50051,
      min: 0,
      max: 65535,
    });
    expect(variables.LOG_LEVEL).toMatchObject({
      default: 'info',
      values: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'],
    });
    expect(variables.DATA_DIR).toMatchObject({ default: '.data/auth-service' });
    expect(variables.SIGNING_KEY).toEqual({
      type: 'string',
      description: 'key',
      required: false,
      secret: true,
    });
    expect(out).not.toContain('dev-only');
  });

  it('does nothing without the flag', () => {
    const exit = jest.fn();
    printSchemaAndExitIfAsked(schema, ['node', 'main.js'], {
      exit: exit as never,
      stdout: { write: exit },
    });
    expect(exit).not.toHaveBeenCalled();
  });
});

describe('unknownVariables', () => {
  it('lists variables with our prefixes that the schema does not know (typos)', () => {
    const env = { GRPC_PROT: '1', GRPC_PORT: '2', LOG_LEVL: 'x', PATH: '/bin', HOME: '/root' };
    expect(unknownVariables(schema, env, ['GRPC_', 'LOG_'])).toEqual(['GRPC_PROT', 'LOG_LEVL']);
  });
});
