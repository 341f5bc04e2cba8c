import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Creates `file` (if absent) readable by its owner only, before SQLite opens it: SQLite gives its
 * `-wal`/`-shm` files the database's own mode, so the whole database stays private whatever the
 * umask. Folders it creates are owner-only; an existing folder is left as it is (it may be shared,
 * like /tmp, and is the operator's to set). An existing file is tightened to 0600.
 *
 * @example
 * ```ts
 * createPrivateFile(join(config.DATA_DIR, 'orders.db'));
 * const db = new Database(join(config.DATA_DIR, 'orders.db'));
 * ```
 */
export function createPrivateFile(file: string): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  closeSync(openSync(file, 'a', 0o600));
  chmodSync(file, 0o600);
}
