import type pino from 'pino';

/** The part of `process` that installShutdown uses; tests pass an EventEmitter. */
export interface SignalSource {
  on(event: 'SIGTERM' | 'SIGINT', listener: (signal: NodeJS.Signals) => void): unknown;
  off(event: 'SIGTERM' | 'SIGINT', listener: (signal: NodeJS.Signals) => void): unknown;
}

/** Default time the watchdog allows beyond `graceMs` before it exits the process with 1. */
export const SHUTDOWN_WATCHDOG_MARGIN_MS = 2000;

export interface ShutdownOptions {
  logger: pino.Logger;
  graceMs: number;
  /** Stops everything: usually `running.shutdown`, plus closing databases or HTTP servers. */
  stop: (graceMs: number) => Promise<void>;
  /** Extra time after `graceMs` before the watchdog exits 1 (default {@link SHUTDOWN_WATCHDOG_MARGIN_MS}). */
  watchdogMarginMs?: number;
  /** Default `process`. */
  signals?: SignalSource;
  /** Default `process.exit`. */
  exit?: (code: number) => void;
}

/**
 * On the first SIGTERM/SIGINT: log, `stop(graceMs)`, exit 0 once drained (1 if stop failed).
 * If the process is still there `graceMs + watchdogMarginMs` after the signal (a stop that hangs,
 * a handle nobody closes), a watchdog logs at error and exits 1. A second signal exits 1 at once
 * (the operator's "now"). Returns a function that uninstalls it.
 * @example
 * installShutdown({ logger, graceMs: config.SHUTDOWN_GRACE_MS, stop: (ms) => running.shutdown(ms) });
 */
export function installShutdown(o: ShutdownOptions): () => void {
  const signals = o.signals ?? process;
  const exit = o.exit ?? ((code: number) => process.exit(code));
  const marginMs = o.watchdogMarginMs ?? SHUTDOWN_WATCHDOG_MARGIN_MS;
  if (!Number.isFinite(marginMs) || marginMs < 0)
    throw new TypeError('watchdogMarginMs: must be a number >= 0');
  let stopping = false;
  let watchdog: NodeJS.Timeout | undefined;
  let exited = false;
  const exitOnce = (code: number) => {
    if (exited) return;
    exited = true;
    clearTimeout(watchdog);
    exit(code);
  };

  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      o.logger.warn({ signal }, 'second signal, exiting now');
      exitOnce(1);
      return;
    }
    stopping = true;
    o.logger.info({ signal, graceMs: o.graceMs }, 'shutting down');
    // stop() already force-closes after the grace; this catches what it cannot (a hung close,
    // a stray handle). Unref'd: a process that drained cleanly must not wait for it.
    watchdog = setTimeout(() => {
      o.logger.error(
        { graceMs: o.graceMs, watchdogMarginMs: marginMs },
        'shutdown did not finish in time, exiting',
      );
      exitOnce(1);
    }, o.graceMs + marginMs);
    watchdog.unref();
    let stopped: Promise<void>;
    try {
      stopped = Promise.resolve(o.stop(o.graceMs));
    } catch (err) {
      stopped = Promise.reject(err);
    }
    stopped.then(
      () => {
        o.logger.info('stopped');
        exitOnce(0);
      },
      (err: unknown) => {
        o.logger.error({ err }, 'shutdown failed');
        exitOnce(1);
      },
    );
  };

  signals.on('SIGTERM', onSignal);
  signals.on('SIGINT', onSignal);
  return () => {
    clearTimeout(watchdog);
    signals.off('SIGTERM', onSignal);
    signals.off('SIGINT', onSignal);
  };
}
