import pino from 'pino';
import type { LogLevel } from '../config/common-schema';
import { redactSerialized, sanitizeLogObject, sanitizeMetadata } from './redaction';

export interface LoggerOptions {
  /** The service name; every line carries it as `service`. */
  name: string;
  level: LogLevel;
  /** `json` lines for machines (default), `pretty` for a human at a terminal. */
  format?: 'json' | 'pretty';
  /** Where lines go; default stdout. Tests pass an in-memory stream. */
  destination?: pino.DestinationStream;
}

/**
 * The one root logger of a process: JSON lines, ISO `time`, `service` on every line, and secrets
 * (authorization, tokens, passwords, `Metadata`) redacted to `[Redacted]`. Levels stay pino's numbers
 * (30 = info, 40 = warn, 50 = error) so `| pino-pretty` and log shippers understand them.
 * @example
 * const logger = createLogger({ name: 'order-service', level: config.LOG_LEVEL, format: config.LOG_FORMAT });
 * logger.info({ orderId }, 'order created');
 */
export function createLogger(o: LoggerOptions): pino.Logger {
  if (typeof o.name !== 'string' || o.name === '')
    throw new TypeError('createLogger: name is required');
  const options: pino.LoggerOptions = {
    level: o.level,
    base: { service: o.name },
    timestamp: pino.stdTimeFunctions.isoTime,
    serializers: { err: serializeError, error: serializeError },
    formatters: { log: sanitizeLogObject },
  };
  const destination = o.destination ?? (o.format === 'pretty' ? prettyStream() : undefined);
  return destination ? pino(options, destination) : pino(options);
}

// A grpc ServiceError carries `metadata`; without this its toJSON() would bypass redaction.
// Stack traces stay out of logs (type, message and code say what failed; a stack maps our code for
// whoever reads the logs), and so does `cause` with its own stack (its message is in `message`).
function serializeError(err: unknown): unknown {
  if (!(err instanceof Error)) return err;
  const out = pino.stdSerializers.err(err) as unknown as Record<string, unknown>;
  if ('metadata' in out) out.metadata = sanitizeMetadata(out.metadata);
  delete out.stack;
  delete out.cause;
  return redactSerialized(out);
}

// pino-pretty is a devDependency: required only when asked for, so bundled apps run without it.
// A synchronous stream rather than a worker transport: lines are not lost on process.exit().
function prettyStream(): pino.DestinationStream {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const pretty = require('pino-pretty') as (o: object) => pino.DestinationStream;
  return pretty({
    sync: true,
    colorize: process.stdout.isTTY === true,
    translateTime: 'SYS:HH:MM:ss.l',
  });
}

/**
 * A logger that writes nothing: the default for libs that get no `logger` option.
 * @example
 * const log = options.logger ?? silentLogger();
 */
export function silentLogger(): pino.Logger {
  return pino({ level: 'silent' });
}
