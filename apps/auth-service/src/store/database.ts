import Database from 'better-sqlite3';
import { createPrivateFile } from '@jwt-mesh/service-kit';

export type Db = Database.Database;

const MIGRATIONS: readonly string[] = [
  `CREATE TABLE users (
     id TEXT PRIMARY KEY,
     username TEXT NOT NULL UNIQUE COLLATE NOCASE,
     password_hash TEXT NOT NULL,
     roles TEXT NOT NULL,
     scopes TEXT NOT NULL DEFAULT '[]',
     created_at INTEGER NOT NULL
   );
   CREATE TABLE refresh_families (
     family_id TEXT PRIMARY KEY,
     user_id TEXT NOT NULL,
     created_at INTEGER NOT NULL,
     revoked_at INTEGER,
     revoke_reason TEXT
   );
   CREATE TABLE refresh_tokens (
     token_hash TEXT PRIMARY KEY,
     family_id TEXT NOT NULL REFERENCES refresh_families(family_id),
     user_id TEXT NOT NULL,
     issued_at INTEGER NOT NULL,
     expires_at INTEGER NOT NULL,
     used_at INTEGER
   );
   CREATE INDEX refresh_tokens_family ON refresh_tokens(family_id);
   CREATE INDEX refresh_tokens_expires ON refresh_tokens(expires_at);`,
];

/**
 * Opens (creating if needed) the auth database: a file in WAL mode, or `:memory:` for tests.
 * A new file is created owner-only (0600) because it holds password hashes.
 * @example
 * const db = openDatabase('.data/auth-service/auth.db');
 */
export function openDatabase(path: string): Db {
  if (path !== ':memory:') {
    createPrivateFile(path);
  }
  const db = new Database(path);
  if (path !== ':memory:') db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  const version = db.pragma('user_version', { simple: true }) as number;
  for (let v = version; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
  return db;
}
