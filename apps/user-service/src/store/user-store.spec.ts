import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { UserProfile } from '../domain/user';
import { openUserStore } from './user-store';

const user = (id: string): UserProfile => ({
  id,
  username: id,
  displayName: id.toUpperCase(),
  email: `${id}@example.com`,
  roles: ['customer'],
});

describe('openUserStore', () => {
  it('seeds only when empty', () => {
    const store = openUserStore(':memory:');
    expect(store.seedIfEmpty([user('a'), user('b')])).toBe(2);
    expect(store.seedIfEmpty([user('c')])).toBe(0);
    expect(store.findById('c')).toBeUndefined();
    expect(store.findById('a')).toEqual(user('a'));
    store.close();
  });

  it('pages by id', () => {
    const store = openUserStore(':memory:');
    store.seedIfEmpty(['d', 'b', 'a', 'c', 'e'].map(user));
    const p1 = store.list(2);
    const p2 = store.list(2, p1[1].id);
    const p3 = store.list(2, p2[1].id);
    expect([p1, p2, p3].map((p) => p.map((u) => u.id))).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
    store.close();
  });

  it('creates its folder and reseeding a file is idempotent across reopen', () => {
    const dir = mkdtempSync(join(tmpdir(), 'users-'));
    try {
      const file = join(dir, 'x', 'users.db');
      const s1 = openUserStore(file);
      expect(s1.seedIfEmpty([user('a')])).toBe(1);
      s1.close();
      const s2 = openUserStore(file);
      expect(s2.seedIfEmpty([user('a')])).toBe(0);
      expect(s2.list(10)).toEqual([user('a')]);
      s2.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
