import type * as grpc from '@grpc/grpc-js';
import type pino from 'pino';

/**
 * `tryShutdown` (refuse new calls, wait for running ones), and `forceShutdown` after `graceMs`:
 * tryShutdown alone can wait for as long as a client keeps a call or connection open.
 * Resolves once the server is closed either way. `RunningServer.shutdown` also sets NOT_SERVING first.
 * @example
 * await shutdownServer(server, 10_000, logger);
 */
export function shutdownServer(
  server: grpc.Server,
  graceMs: number,
  logger?: pino.Logger,
): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(
      () => {
        logger?.warn({ graceMs }, 'grace period over, cancelling remaining calls');
        server.forceShutdown();
        // tryShutdown's callback normally follows once the sessions close; don't depend on it.
        setImmediate(finish);
      },
      Math.max(0, graceMs),
    );
    server.tryShutdown(() => finish());
  });
}
