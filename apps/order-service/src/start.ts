import { authSettingsOf, openKeySet, serveWhenKeysLoad } from '@jwt-mesh/service-auth';
import type { RunningServer } from '@jwt-mesh/service-kit';
import { join } from 'node:path';
import type pino from 'pino';
import type { OrderConfig } from './config';
import { createUserServiceClient } from './clients/user-directory';
import { createOrderServer } from './server';
import { openOrderStore } from './store/order-store';

export interface StartedService {
  readonly running: RunningServer;
  /** Drains the server within `graceMs`, then closes the key set and the database. */
  stop(graceMs: number): Promise<void>;
}

/**
 * Builds order-service's resources from config (key set, SQLite store, the one user-service client)
 * and starts the server. Health reports NOT_SERVING until a remote key set has loaded.
 */
export async function startServer(
  config: OrderConfig,
  logger: pino.Logger,
): Promise<StartedService> {
  const keys = openKeySet(config.keySource, config.JWT_ALGORITHMS, logger);
  const store = openOrderStore(join(config.DATA_DIR, 'orders.db'));
  const userClient = createUserServiceClient(config.USER_SERVICE_ADDR);
  try {
    const running = await createOrderServer({
      host: config.HOST,
      port: config.GRPC_PORT,
      logger,
      store,
      userClient,
      userServiceTimeoutMs: config.USER_SERVICE_TIMEOUT_MS,
      auth: authSettingsOf(config, keys),
    });
    serveWhenKeysLoad(keys, running, logger);
    return {
      running,
      async stop(graceMs) {
        await running.shutdown(graceMs);
        userClient.close();
        keys.close();
        store.close();
      },
    };
  } catch (err) {
    userClient.close();
    keys.close();
    store.close();
    throw err;
  }
}
