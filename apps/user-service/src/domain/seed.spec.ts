import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSeed } from './seed';

describe('parseSeed', () => {
  it('reads the repo demo seed', () => {
    const text = readFileSync(join(__dirname, '../../../../seed/demo-users.json'), 'utf8');
    const users = parseSeed(text);
    expect(users.map((u) => u.id)).toEqual(['usr_alice', 'usr_bob', 'usr_admin']);
    expect(users[0]).toEqual({
      id: 'usr_alice',
      username: 'alice',
      displayName: 'Alice Liddell',
      email: 'alice@example.com',
      roles: ['customer'],
    });
  });

  it('ignores password fields', () => {
    const [u] = parseSeed(
      JSON.stringify({
        users: [
          { id: 'a', username: 'a', display_name: 'A', email: 'a@x', roles: [], password: 'pw' },
        ],
      }),
    );
    expect(u).not.toHaveProperty('password');
    expect(JSON.stringify(u)).not.toContain('pw');
  });

  it.each([
    ['{', /not valid JSON/],
    ['[]', /expected \{ "users"/],
    ['{"users":[1]}', /users\[0\] must be an object/],
    [
      '{"users":[{"id":"a","username":"a","display_name":"","email":"e"}]}',
      /users\[0\]\.display_name/,
    ],
    [
      '{"users":[{"id":"a","username":"a","display_name":"A","email":"e","roles":"admin"}]}',
      /roles/,
    ],
    [
      '{"users":[{"id":"a","username":"a","display_name":"A","email":"e"},{"id":"a","username":"b","display_name":"B","email":"e"}]}',
      /users\[1\]\.id duplicates a/,
    ],
  ])('refuses %s', (text, message) => {
    expect(() => parseSeed(text)).toThrow(message);
  });
});
