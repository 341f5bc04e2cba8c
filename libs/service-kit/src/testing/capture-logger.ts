import { EventEmitter } from 'node:events';
import { Writable } from 'node:stream';
import type pino from 'pino';
import type { LogLevel } from '../config/common-schema';
import { createLogger } from '../logging/create-logger';

type Line = Record<string, unknown>;

/** A real service logger (same redaction and format) that writes into memory. */
export interface CapturedLogger {
  logger: pino.Logger;
  /** Every line so far, parsed. */
  lines(): Line[];
  /** Every line so far, raw: assert a secret appears nowhere. */
  text(): string;
  /** Resolves with the first line (already written or still to come) that matches. */
  waitForLine(match: (line: Line) => boolean, timeoutMs?: number): Promise<Line>;
}

/**
 * @example
 * const { logger, lines } = captureLogger();
 * // ... run a call ...
 * expect(lines().find((l) => l.msg === 'rpc finished')).toMatchObject({ code: 'OK' });
 */
export function captureLogger(name = 'test-service', level: LogLevel = 'trace'): CapturedLogger {
  const chunks: string[] = [];
  const written = new EventEmitter();
  const destination = new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      chunks.push(chunk.toString());
      written.emit('line');
      callback();
    },
  });
  const logger = createLogger({ name, level, destination });
  const text = () => chunks.join('');
  const lines = () =>
    text()
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => JSON.parse(l) as Line);

  const waitForLine = (match: (line: Line) => boolean, timeoutMs = 5000) =>
    new Promise<Line>((resolve, reject) => {
      const check = () => {
        const found = lines().find(match);
        if (!found) return;
        cleanup();
        resolve(found);
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`no matching log line within ${timeoutMs} ms; lines: ${text()}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        written.off('line', check);
      };
      written.on('line', check);
      check();
    });

  return { logger, lines, text, waitForLine };
}
