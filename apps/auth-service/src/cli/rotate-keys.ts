import { createLogger } from '@jwt-mesh/service-kit';
import type { Logger } from 'pino';
import { openKeys } from '../app';
import { SERVICE, type AuthConfig } from '../config';

/**
 * `main.js rotate-keys`: rotates the keys in DATA_DIR/keys while the server is stopped (the key
 * directory lock refuses while it runs; then use the RotateKeys RPC with an admin token). The new
 * key is published when the server next starts and signs KEY_PUBLISH_DELAY_SECONDS after that.
 * Prints one JSON line on stdout (logs go to stderr) and returns the exit code.
 */
export async function runRotateKeys(
  config: AuthConfig,
  logger: Logger = createLogger({
    name: SERVICE,
    level: config.LOG_LEVEL,
    format: config.LOG_FORMAT,
    destination: process.stderr,
  }),
  out: { write(s: string): unknown } = process.stdout,
): Promise<number> {
  const { ring, release } = await openKeys(config, { logger, now: Date.now, offline: true });
  try {
    const r = await ring.rotate();
    out.write(
      `${JSON.stringify({
        active_kid: r.activeKid,
        next_kid: r.nextKid,
        activates: Number.isFinite(r.activatesAt)
          ? new Date(r.activatesAt).toISOString()
          : `${config.KEY_PUBLISH_DELAY_SECONDS}s after the next start`,
      })}\n`,
    );
    return 0;
  } finally {
    release();
  }
}
