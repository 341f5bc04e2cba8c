import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './service-process';

export interface TestUser {
  id: string;
  username: string;
  password: string;
  display_name: string;
}

/** The repo's demo users (alice, bob, admin) with their documented `<username>-password`. */
export const DEMO = {
  alice: {
    id: 'usr_alice',
    username: 'alice',
    password: 'alice-password',
    display_name: 'Alice Liddell',
  },
  bob: { id: 'usr_bob', username: 'bob', password: 'bob-password', display_name: 'Bob Marley' },
  admin: {
    id: 'usr_admin',
    username: 'admin',
    password: 'admin-password',
    display_name: 'Ada Admin',
  },
} satisfies Record<string, TestUser>;

/** `n` customers `load-001`.. with plain-text passwords (auth hashes them at seed time). */
export function makeUsers(n: number): TestUser[] {
  return Array.from({ length: n }, (_, i) => {
    const k = String(i + 1).padStart(3, '0');
    return {
      id: `usr_load_${k}`,
      username: `load-${k}`,
      password: `pw-${k}-secret`,
      display_name: `Load Tester ${k}`,
    };
  });
}

/**
 * Writes one seed file for auth- and user-service: the demo users plus `extra`, so both services
 * agree on ids and names. Returns its path.
 */
export function writeSeed(dir: string, extra: readonly TestUser[] = []): string {
  const demo = JSON.parse(readFileSync(join(ROOT, 'seed', 'demo-users.json'), 'utf8')) as {
    users: object[];
  };
  const users = [
    ...demo.users,
    ...extra.map((u) => ({ ...u, email: `${u.username}@example.test`, roles: ['customer'] })),
  ];
  const path = join(dir, 'seed.json');
  writeFileSync(path, JSON.stringify({ users }, null, 2));
  return path;
}
