import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Creates `file` (if absent) readable by its owner only, in a folder made owner-only too, before
 * SQLite opens it: SQLite gives its `-wal`/`-shm` files the database's own mode, so the whole
 * database stays private whatever the umask. Tightens a file or folder that already exists.
 *
 * @example
 * ```ts
 * createPrivateFile(join(config.DATA_DIR, 'orders.db'));
 * const db = new Database(join(config.DATA_DIR, 'orders.db'));
 * ```
 */
export function createPrivateFile(file: string): void {
  const dir = dirname(file);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  closeSync(openSync(file, 'a', 0o600));
  chmodSync(file, 0o600);
}
