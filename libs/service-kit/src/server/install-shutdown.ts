import type pino from 'pino';

/** The part of `process` that installShutdown uses; tests pass an EventEmitter. */
export interface SignalSource {
  on(event: 'SIGTERM' | 'SIGINT', listener: (signal: NodeJS.Signals) => void): unknown;
  off(event: 'SIGTERM' | 'SIGINT', listener: (signal: NodeJS.Signals) => void): unknown;
}

export interface ShutdownOptions {
  logger: pino.Logger;
  graceMs: number;
  /** Stops everything: usually `running.shutdown`, plus closing databases or HTTP servers. */
  stop: (graceMs: number) => Promise<void>;
  /** Default `process`. */
  signals?: SignalSource;
  /** Default `process.exit`. */
  exit?: (code: number) => void;
}

/**
 * On the first SIGTERM/SIGINT: log, `stop(graceMs)`, exit 0 once drained (1 if stop failed).
 * A second signal exits 1 at once (the operator's "now"). Returns a function that uninstalls it.
 * @example
 * installShutdown({ logger, graceMs: config.SHUTDOWN_GRACE_MS, stop: (ms) => running.shutdown(ms) });
 */
export function installShutdown(o: ShutdownOptions): () => void {
  const signals = o.signals ?? process;
  const exit = o.exit ?? ((code: number) => process.exit(code));
  let stopping = false;

  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      o.logger.warn({ signal }, 'second signal, exiting now');
      exit(1);
      return;
    }
    stopping = true;
    o.logger.info({ signal, graceMs: o.graceMs }, 'shutting down');
    let stopped: Promise<void>;
    try {
      stopped = Promise.resolve(o.stop(o.graceMs));
    } catch (err) {
      stopped = Promise.reject(err);
    }
    stopped.then(
      () => {
        o.logger.info('stopped');
        exit(0);
      },
      (err: unknown) => {
        o.logger.error({ err }, 'shutdown failed');
        exit(1);
      },
    );
  };

  signals.on('SIGTERM', onSignal);
  signals.on('SIGINT', onSignal);
  return () => {
    signals.off('SIGTERM', onSignal);
    signals.off('SIGINT', onSignal);
  };
}
