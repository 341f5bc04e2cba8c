import { createLogger, installShutdown, printSchemaAndExitIfAsked } from '@jwt-mesh/service-kit';
import { startAuthService } from './app';
import { runRotateKeys } from './cli/rotate-keys';
import { SERVICE, authSchema, loadAuthConfigOrExit } from './config';

const USAGE = 'usage: main.js [rotate-keys] [--print-config-schema]\n';

async function main(argv: readonly string[]): Promise<void> {
  printSchemaAndExitIfAsked(authSchema, argv);
  const command = argv.slice(2).find((a) => !a.startsWith('-'));
  if (command !== undefined && command !== 'rotate-keys') {
    process.stderr.write(USAGE);
    process.exit(2);
  }
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
  // Startup errors of our own (key dir locked, bad key, bad seed) carry a code and a safe message.
  const e = err as { code?: unknown; message?: unknown; stack?: unknown };
  const text =
    typeof e?.code === 'string' && e.code.startsWith('ERR_')
      ? `${e.code}: ${String(e.message)}`
      : String(e?.stack ?? err);
  process.stderr.write(`${SERVICE}: failed to start: ${text}\n`);
  process.exit(1);
});
