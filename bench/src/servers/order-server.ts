// Bench entry point for order-service: the app's own config, logger, store, user-service client
// and server factory. BENCH_AUTH_MODE=jwt runs the app's start code unchanged; `none` and
// `introspect` inject a baseline interceptor through createOrderServer's `authInterceptor`.
import { openKeySet } from '@jwt-mesh/service-auth';
import { createLogger, installShutdown } from '@jwt-mesh/service-kit';
import { join } from 'node:path';
import { createUserServiceClient } from '../../../apps/order-service/src/clients/user-directory';
import { loadOrderConfig } from '../../../apps/order-service/src/config';
import { createOrderServer } from '../../../apps/order-service/src/server';
import { startServer } from '../../../apps/order-service/src/start';
import { openOrderStore } from '../../../apps/order-service/src/store/order-store';
import { announce, authModeFromEnv, baselineInterceptor } from './auth-mode';

async function main(): Promise<void> {
  const mode = authModeFromEnv(process.env);
  const config = loadOrderConfig(process.env, process.argv);
  const logger = createLogger({
    name: 'order-service',
    level: config.LOG_LEVEL,
    format: config.LOG_FORMAT,
  });
  if (mode === 'jwt') {
    const service = await startServer(config, logger);
    installShutdown({ logger, graceMs: 1000, stop: service.stop });
    return announce('order-service', mode, service.running.port);
  }
  const baseline = baselineInterceptor(mode, process.env, config.JWT_AUDIENCE);
  const keys = openKeySet(config.keySource, config.JWT_ALGORITHMS, logger);
  const store = openOrderStore(join(config.DATA_DIR, 'orders.db'));
  const userClient = createUserServiceClient(config.USER_SERVICE_ADDR);
  const running = await createOrderServer({
    host: config.HOST,
    port: config.GRPC_PORT,
    logger,
    store,
    userClient,
    userServiceTimeoutMs: config.USER_SERVICE_TIMEOUT_MS,
    auth: {
      keys,
      issuer: config.JWT_ISSUER,
      audience: config.JWT_AUDIENCE,
      algorithms: config.JWT_ALGORITHMS,
    },
    authInterceptor: baseline.interceptor,
  });
  installShutdown({
    logger,
    graceMs: 1000,
    stop: async (ms) => {
      await running.shutdown(ms);
      userClient.close();
      baseline.close();
      keys.close();
      store.close();
    },
  });
  announce('order-service', mode, running.port);
}

main().catch((err: unknown) => {
  process.stderr.write(`order-server failed: ${(err as Error)?.stack ?? String(err)}\n`);
  process.exit(1);
});
