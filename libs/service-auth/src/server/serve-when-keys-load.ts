import type { KeySet } from '@jwt-mesh/jwt-interceptor';
import type { RunningServer } from '@jwt-mesh/service-kit';

/** The part of a pino logger this uses; `pino.Logger` fits. */
export interface ReadinessLogger {
  info(msg: string): void;
}

export interface ServeWhenKeysLoadOptions {
  /** How often to look again after the first load attempt failed (default 1000). */
  pollMs?: number;
}

/**
 * Health says NOT_SERVING while no verification key has ever loaded (every authenticated call would
 * fail with UNAVAILABLE anyway), and SERVING from the moment one has. A static or already loaded
 * key set changes nothing. The poll timer is unref'd and stops once keys are in.
 * @example
 * const running = await createUserServer({ ..., auth: authSettingsOf(config, keys) });
 * serveWhenKeysLoad(keys, running, logger);
 */
export function serveWhenKeysLoad(
  keys: KeySet,
  running: Pick<RunningServer, 'setServing'>,
  logger: ReadinessLogger,
  options: ServeWhenKeysLoadOptions = {},
): void {
  if (keys.stats().loaded) return;
  const pollMs = options.pollMs ?? 1000;
  running.setServing(false);
  void keys.ready().then((ok) => {
    if (ok) return running.setServing(true);
    // info, not warn: under `npm start` the auth service is often still starting; the key source
    // itself warns once fetches have kept failing (jwt-interceptor's warnAfterMs).
    logger.info('verification keys not loaded yet; health NOT_SERVING, retrying in the background');
    const timer = setInterval(() => {
      if (!keys.stats().loaded) return;
      clearInterval(timer);
      running.setServing(true);
      logger.info('verification keys loaded');
    }, pollMs);
    timer.unref();
  });
}
