import { createLogger, installShutdown } from '@jwt-mesh/service-kit';
import { loadOrderConfig } from './config';
import { startServer } from './start';

async function main(): Promise<void> {
  const config = loadOrderConfig();
  const logger = createLogger({
    name: 'order-service',
    level: config.LOG_LEVEL,
    format: config.LOG_FORMAT,
  });
  try {
    const service = await startServer(config, logger);
    installShutdown({ logger, graceMs: config.SHUTDOWN_GRACE_MS, stop: service.stop });
  } catch (err) {
    logger.fatal({ err }, 'failed to start');
    process.exit(1);
  }
}

void main();
