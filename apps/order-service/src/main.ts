import {
  createLogger,
  ignoreBrokenPipe,
  installShutdown,
  parseCommandLineOrExit,
} from '@jwt-mesh/service-kit';
import { loadOrderConfig } from './config';
import { startServer } from './start';

async function main(): Promise<void> {
  ignoreBrokenPipe();
  parseCommandLineOrExit(process.argv.slice(2), { service: 'order-service' });
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
