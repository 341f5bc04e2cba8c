// Bench entry point for user-service: the app's own config, logger, store and server factory.
// BENCH_AUTH_MODE=jwt runs the app's start code unchanged; `none` and `introspect` inject a
// baseline interceptor through createUserServer's `authInterceptor` dependency.
import { openKeySet } from '@jwt-mesh/service-auth';
import { createLogger, installShutdown } from '@jwt-mesh/service-kit';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadUserConfig } from '../../../apps/user-service/src/config';
import { parseSeed } from '../../../apps/user-service/src/domain/seed';
import { createUserServer } from '../../../apps/user-service/src/server';
import { startServer } from '../../../apps/user-service/src/start';
import { openUserStore } from '../../../apps/user-service/src/store/user-store';
import { announce, authModeFromEnv, baselineInterceptor } from './auth-mode';

async function main(): Promise<void> {
  const mode = authModeFromEnv(process.env);
  const config = loadUserConfig(process.env, process.argv);
  const logger = createLogger({
    name: 'user-service',
    level: config.LOG_LEVEL,
    format: config.LOG_FORMAT,
  });
  if (mode === 'jwt') {
    const service = await startServer(config, logger);
    installShutdown({ logger, graceMs: 1000, stop: service.stop });
    return announce('user-service', mode, service.running.port);
  }
  const baseline = baselineInterceptor(mode, process.env, config.JWT_AUDIENCE);
  const keys = openKeySet(config.keySource, config.JWT_ALGORITHMS, logger);
  const store = openUserStore(join(config.DATA_DIR, 'users.db'));
  store.seedIfEmpty(parseSeed(readFileSync(config.SEED_FILE, 'utf8'), config.SEED_FILE));
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
    },
    authInterceptor: baseline.interceptor,
  });
  installShutdown({
    logger,
    graceMs: 1000,
    stop: async (ms) => {
      await running.shutdown(ms);
      baseline.close();
      keys.close();
      store.close();
    },
  });
  announce('user-service', mode, running.port);
}

main().catch((err: unknown) => {
  process.stderr.write(`user-server failed: ${(err as Error)?.stack ?? String(err)}\n`);
  process.exit(1);
});
