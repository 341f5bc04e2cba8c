import type { Db } from './database';

export interface UserRecord {
  id: string;
  username: string;
  passwordHash: string;
  roles: string[];
  scopes: string[];
}

interface Row {
  id: string;
  username: string;
  password_hash: string;
  roles: string;
  scopes: string;
}

function toRecord(r: Row): UserRecord {
  return {
    id: r.id,
    username: r.username,
    passwordHash: r.password_hash,
    roles: JSON.parse(r.roles) as string[],
    scopes: JSON.parse(r.scopes) as string[],
  };
}

/** Users with their password hashes (DATA_DIR/auth.db). */
export interface UserStore {
  findByUsername(username: string): UserRecord | undefined;
  findById(id: string): UserRecord | undefined;
  count(): number;
  /** Inserts all or nothing. */
  insertMany(users: readonly UserRecord[], now: number): void;
  updatePasswordHash(id: string, passwordHash: string): void;
  delete(id: string): void;
}

export function createUserStore(db: Db): UserStore {
  const byName = db.prepare<[string], Row>('SELECT * FROM users WHERE username = ?');
  const byId = db.prepare<[string], Row>('SELECT * FROM users WHERE id = ?');
  const count = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM users');
  const insert = db.prepare(
    'INSERT INTO users (id, username, password_hash, roles, scopes, created_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const updateHash = db.prepare('UPDATE users SET password_hash = ? WHERE id = ?');
  const del = db.prepare('DELETE FROM users WHERE id = ?');
  const insertAll = db.transaction((users: readonly UserRecord[], now: number) => {
    for (const u of users) {
      insert.run(
        u.id,
        u.username,
        u.passwordHash,
        JSON.stringify(u.roles),
        JSON.stringify(u.scopes),
        now,
      );
    }
  });

  return {
    findByUsername: (username) => {
      const r = byName.get(username);
      return r && toRecord(r);
    },
    findById: (id) => {
      const r = byId.get(id);
      return r && toRecord(r);
    },
    count: () => count.get()?.n ?? 0,
    insertMany: (users, now) => insertAll(users, now),
    updatePasswordHash: (id, hash) => void updateHash.run(hash, id),
    delete: (id) => void del.run(id),
  };
}
