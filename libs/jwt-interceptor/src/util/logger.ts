/**
 * The part of a pino logger this library uses; `pino.Logger` fits. Libraries never create their
 * own logger (the service passes its own), so the default is silent.
 *
 * @example
 * ```ts
 * createAuthServerInterceptor({ ...opts, logger: rootLogger.child({ lib: 'jwt' }) });
 * ```
 */
export interface AuthLogger {
  debug(obj: object, msg: string): void;
  /** Optional so loggers written against the older interface still fit; `debug` stands in. */
  info?(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

const noop = (): void => undefined;

/** The default: drops everything. */
export const silentLogger: AuthLogger = { debug: noop, warn: noop, error: noop };

/** Checks a `logger` option at construction time. */
export function checkLogger(logger: unknown, option = 'logger'): AuthLogger {
  if (logger === undefined) return silentLogger;
  const l = logger as Partial<AuthLogger> | null;
  if (
    !l ||
    typeof l.debug !== 'function' ||
    typeof l.warn !== 'function' ||
    typeof l.error !== 'function'
  ) {
    throw new TypeError(`${option}: must be a pino-compatible logger (debug, warn, error)`);
  }
  return l as AuthLogger;
}

/** Attacker-chosen strings (a `kid`) are logged only in a short, printable form. */
export function safeForLog(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  return value.replace(/[^\x20-\x7e]/g, '?').slice(0, 64);
}
