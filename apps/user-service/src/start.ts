import {
  createRemoteKeySet,
  loadStaticKeySetFromFile,
  type KeySet,
} from '@jwt-mesh/jwt-interceptor';
import type { RunningServer } from '@jwt-mesh/service-kit';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type pino from 'pino';
import type { KeySource, UserConfig } from './config';
import { parseSeed } from './domain/seed';
import { createUserServer } from './server';
import { openUserStore } from './store/user-store';

export interface StartedService {
  readonly running: RunningServer;
  /** Drains the server within `graceMs`, then closes the key set and the database. */
  stop(graceMs: number): Promise<void>;
}

/**
 * Builds user-service's resources from config (key set, SQLite store seeded when empty) and starts
 * the server. Health reports NOT_SERVING until a remote key set has loaded.
 */
export async function startServer(
  config: UserConfig,
  logger: pino.Logger,
): Promise<StartedService> {
  const keys = openKeySet(config.keySource, config.JWT_ALGORITHMS, logger);
  const store = openUserStore(join(config.DATA_DIR, 'users.db'));
  try {
    const seeded = store.seedIfEmpty(
      parseSeed(readFileSync(config.SEED_FILE, 'utf8'), config.SEED_FILE),
    );
    if (seeded > 0) logger.info({ seeded, seedFile: config.SEED_FILE }, 'profiles seeded');
    const running = await createUserServer({
      host: config.HOST,
      port: config.GRPC_PORT,
      logger,
      store,
      auth: {
        keys,
        issuer: config.JWT_ISSUER,
        audience: config.JWT_AUDIENCE,
        algorithms: config.JWT_ALGORITHMS,
        clockToleranceSeconds: config.JWT_CLOCK_TOLERANCE_SECONDS,
        maxTokenLifetimeSeconds: config.JWT_MAX_TOKEN_LIFETIME_SECONDS,
        cacheMaxEntries: config.JWT_CACHE_MAX_ENTRIES,
      },
    });
    trackKeyReadiness(keys, running, logger);
    return {
      running,
      async stop(graceMs) {
        await running.shutdown(graceMs);
        keys.close();
        store.close();
      },
    };
  } catch (err) {
    keys.close();
    store.close();
    throw err;
  }
}

function openKeySet(source: KeySource, algorithms: readonly string[], logger: pino.Logger): KeySet {
  return source.kind === 'file'
    ? loadStaticKeySetFromFile(source.path, algorithms)
    : createRemoteKeySet({ url: source.url, algorithms, logger });
}

/** NOT_SERVING while no key has ever loaded (calls would fail with UNAVAILABLE anyway). */
function trackKeyReadiness(keys: KeySet, running: RunningServer, logger: pino.Logger): void {
  if (keys.stats().loaded) return;
  running.setServing(false);
  void keys.ready().then((ok) => {
    if (ok) return running.setServing(true);
    logger.warn('verification keys not loaded yet; retrying in the background');
    const timer = setInterval(() => {
      if (!keys.stats().loaded) return;
      clearInterval(timer);
      running.setServing(true);
      logger.info('verification keys loaded');
    }, 1000);
    timer.unref();
  });
}
