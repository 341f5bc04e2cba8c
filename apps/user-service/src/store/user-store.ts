import { createPrivateFile } from '@jwt-mesh/service-kit';
import Database from 'better-sqlite3';
import type { UserProfile } from '../domain/user';

/** Persistence of profiles (better-sqlite3, synchronous). */
export interface UserStore {
  findById(id: string): UserProfile | undefined;
  /** Ordered by id; `afterId` continues after a previous page. */
  list(limit: number, afterId?: string): UserProfile[];
  /** Inserts `users` only if the store is empty; returns how many were inserted (0 when not empty). */
  seedIfEmpty(users: readonly UserProfile[]): number;
  close(): void;
}

interface Row {
  id: string;
  username: string;
  display_name: string;
  email: string;
  roles_json: string;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS users (
  id           TEXT PRIMARY KEY,
  username     TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  email        TEXT NOT NULL,
  roles_json   TEXT NOT NULL
);
`;

/**
 * Opens (and creates, with its folder) the profiles database. `':memory:'` for tests.
 * @example
 * const store = openUserStore(join(config.DATA_DIR, 'users.db'));
 * store.seedIfEmpty(parseSeed(readFileSync(config.SEED_FILE, 'utf8')));
 */
export function openUserStore(file: string): UserStore {
  // Profiles and orders are personal data: owner-only, like auth-service's files.
  if (file !== ':memory:') createPrivateFile(file);
  const db = new Database(file);
  if (file !== ':memory:') db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  db.exec(SCHEMA);

  const byId = db.prepare<[string], Row>('SELECT * FROM users WHERE id = ?');
  const page = db.prepare<[string, number], Row>(
    'SELECT * FROM users WHERE id > ? ORDER BY id LIMIT ?',
  );
  const count = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM users');
  const insert = db.prepare(
    'INSERT INTO users (id, username, display_name, email, roles_json) VALUES (@id, @username, @display_name, @email, @roles_json)',
  );
  // IMMEDIATE: two replicas starting on one file cannot both see "empty" and both seed.
  const seed = db.transaction((users: readonly UserProfile[]) => {
    if (count.get()!.n > 0) return 0;
    for (const u of users) {
      insert.run({
        id: u.id,
        username: u.username,
        display_name: u.displayName,
        email: u.email,
        roles_json: JSON.stringify(u.roles),
      });
    }
    return users.length;
  });

  return {
    findById: (id) => {
      const row = byId.get(id);
      return row ? fromRow(row) : undefined;
    },
    list: (limit, afterId) => page.all(afterId ?? '', limit).map(fromRow),
    seedIfEmpty: (users) => seed.immediate(users),
    close: () => db.close(),
  };
}

function fromRow(row: Row): UserProfile {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    email: row.email,
    roles: JSON.parse(row.roles_json) as string[],
  };
}
