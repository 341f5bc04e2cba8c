import type pino from 'pino';
import { Writable } from 'node:stream';
import type { LogLevel } from '../config/common-schema';
import { createLogger } from '../logging/create-logger';

/** A real service logger (same redaction and format) that writes into memory. */
export interface CapturedLogger {
  logger: pino.Logger;
  /** Every line so far, parsed. */
  lines(): Record<string, unknown>[];
  /** Every line so far, raw: assert a secret appears nowhere. */
  text(): string;
}

/**
 * @example
 * const { logger, lines } = captureLogger();
 * // ... run a call ...
 * expect(lines().find((l) => l.msg === 'rpc finished')).toMatchObject({ code: 'OK' });
 */
export function captureLogger(name = 'test-service', level: LogLevel = 'trace'): CapturedLogger {
  const chunks: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      chunks.push(chunk.toString());
      callback();
    },
  });
  const logger = createLogger({ name, level, destination });
  const text = () => chunks.join('');
  const lines = () =>
    text()
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  return { logger, lines, text };
}
