import { defineConfig } from './define-config';

/** The log levels pino knows, plus `silent`. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * The variables every service has. Spread it into the service's own schema.
 * @example
 * const schema = defineConfig({ ...commonSchema({ service: 'user-service', grpcPort: 50052 }), ...own });
 */
export function commonSchema(o: { service: string; grpcPort: number }) {
  return defineConfig({
    HOST: {
      type: 'string',
      default: '127.0.0.1',
      description: 'interface the gRPC server binds to',
    },
    GRPC_PORT: { type: 'port', default: o.grpcPort, description: 'gRPC port; 0 = any free port' },
    LOG_LEVEL: { type: 'enum', values: LOG_LEVELS, default: 'info', description: 'pino log level' },
    LOG_FORMAT: {
      type: 'enum',
      values: ['json', 'pretty'] as const,
      default: 'json',
      description: 'json lines on stdout, or pretty for humans (dev only)',
    },
    DATA_DIR: {
      type: 'path',
      default: `.data/${o.service}`,
      description: 'where the service keeps its data',
    },
    SHUTDOWN_GRACE_MS: {
      type: 'int',
      default: 10000,
      min: 0,
      max: 600000,
      description: 'on SIGTERM/SIGINT, wait this long for calls to finish before cancelling them',
    },
  });
}
