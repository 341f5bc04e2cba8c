import { authSettingsOf, openKeySet, serveWhenKeysLoad } from '@jwt-mesh/service-auth';
import type { RunningServer } from '@jwt-mesh/service-kit';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type pino from 'pino';
import type { UserConfig } from './config';
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
      auth: authSettingsOf(config, keys),
    });
    serveWhenKeysLoad(keys, running, logger);
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
