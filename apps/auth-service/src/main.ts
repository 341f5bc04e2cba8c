import {
  createLogger,
  ignoreBrokenPipe,
  installShutdown,
  parseCommandLineOrExit,
  printSchemaAndExitIfAsked,
} from '@jwt-mesh/service-kit';
import { startAuthService } from './app';
import { runRotateKeys } from './cli/rotate-keys';
import { SERVICE, authSchema, loadAuthConfigOrExit } from './config';

const COMMANDS = { 'rotate-keys': 'rotate the signing keys in DATA_DIR/keys (server stopped)' };

async function main(argv: readonly string[]): Promise<void> {
  ignoreBrokenPipe();
  const { command } = parseCommandLineOrExit(argv.slice(2), {
    service: SERVICE,
    commands: COMMANDS,
  });
  printSchemaAndExitIfAsked(authSchema, argv);
  const config = loadAuthConfigOrExit();
  if (command === 'rotate-keys') {
    process.exitCode = await runRotateKeys(config);
    return;
  }
  const logger = createLogger({
    name: SERVICE,
    level: config.LOG_LEVEL,
    format: config.LOG_FORMAT,
  });
  const running = await startAuthService(config, { logger });
  installShutdown({ logger, graceMs: config.SHUTDOWN_GRACE_MS, stop: (ms) => running.stop(ms) });
}

main(process.argv).catch((err: unknown) => {
  // Startup errors of our own (key dir locked, bad key, bad seed) carry a code and a safe message;
  // others (EADDRINUSE, EACCES) say what failed. Never a stack trace.
  const e = err as { code?: unknown; message?: unknown };
  const message = err instanceof Error ? err.message : String(err);
  const text = typeof e?.code === 'string' ? `${e.code}: ${message}` : message;
  process.stderr.write(`${SERVICE}: failed to start: ${text}\n`);
  process.exit(1);
});
