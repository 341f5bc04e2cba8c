import { join } from 'node:path';
import { FAST_SCRYPT } from '../testing/harness';
import { verifyPassword } from '../domain/password';
import { openDatabase } from './database';
import { SeedError, parseSeed, readSeedFile, seedUsers } from './seed';
import { createUserStore } from './user-store';

const REPO_SEED = join(__dirname, '../../../../seed/demo-users.json');

describe('seed', () => {
  it('the repo demo seed holds the documented users with scrypt hashes of the documented passwords', async () => {
    const users = readSeedFile(REPO_SEED);
    expect(users.map((u) => [u.id, u.username, u.roles])).toEqual([
      ['usr_alice', 'alice', ['customer']],
      ['usr_bob', 'bob', ['customer']],
      ['usr_admin', 'admin', ['admin']],
    ]);
    for (const u of users) {
      expect(u.password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
      expect(u).not.toHaveProperty('password');
    }
    await expect(verifyPassword('alice-password', users[0].password_hash!)).resolves.toBe(true);
  });

  it('hashes plaintext passwords at seed time and seeds only an empty store', async () => {
    const store = createUserStore(openDatabase(':memory:'));
    const many = Array.from({ length: 50 }, (_, i) => ({
      id: `usr_${i}`,
      username: `user${i}`,
      roles: ['customer'],
      password: `pw-${i}`,
    }));
    expect(await seedUsers(store, many, FAST_SCRYPT, 0)).toBe(50);
    const u7 = store.findByUsername('USER7')!; // usernames match case-insensitively
    expect(u7.id).toBe('usr_7');
    expect(u7.passwordHash).toMatch(/^scrypt\$1024\$/);
    expect(await seedUsers(store, many, FAST_SCRYPT, 0)).toBe(0);
    expect(store.count()).toBe(50);
  });

  it('lists every problem of a bad seed without echoing passwords', () => {
    let error: SeedError | undefined;
    try {
      parseSeed({
        users: [
          { id: 'a', username: 'x', roles: ['customer'] },
          { id: 'a', username: 'X', roles: 'admin', password: 'hunter2' },
          { id: '', username: 'y', roles: [], password_hash: 'md5$hunter2' },
        ],
      });
    } catch (err) {
      error = err as SeedError;
    }
    expect(error?.problems).toEqual([
      'users[0] needs password_hash or password',
      'users[1].id duplicates a',
      'users[1].username is a duplicate',
      'users[1].roles must be an array of strings',
      'users[2].id must be a non-empty string',
      'users[2].password_hash is not a scrypt$N$r$p$salt$hash string',
    ]);
    expect(error?.message).not.toContain('hunter2');
    expect(() => parseSeed([])).toThrow(SeedError);
  });

  it('refuses control characters in usernames and plaintext passwords, from a file or from code', async () => {
    const users = [
      { id: 'a', username: 'ok', roles: [], password: 'hunter2\0' },
      { id: 'b', username: 'tab\there', roles: [], password: 'fine' },
      { id: 'c', username: 'ok2', roles: [], password: 'del\u007f' },
    ];
    const expected = [
      'users[0].password contains control characters',
      'users[1].username contains control characters',
      'users[2].password contains control characters',
    ];
    expect(() => parseSeed({ users })).toThrow(expect.objectContaining({ problems: expected }));
    const store = createUserStore(openDatabase(':memory:'));
    await expect(seedUsers(store, users, FAST_SCRYPT, 0)).rejects.toMatchObject({
      code: 'ERR_SEED',
      problems: expected,
    });
    expect(store.count()).toBe(0);
  });
});
