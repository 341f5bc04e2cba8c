import {
  mkdtempSync,
  mkdirSync,
  chmodSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deleteSession, readSession, writeSession, type Session } from './session';

const session: Session = {
  username: 'alice',
  access_token: 'a.b.c',
  refresh_token: 'r1',
  saved_at: '2026-01-01T00:00:00.000Z',
};
const mode = (p: string) => statSync(p).mode & 0o777;

describe('session file', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'mesh-cli-session-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('creates the directory 0700 and the file 0600, even under a permissive umask', () => {
    const old = process.umask(0o000);
    try {
      const file = join(dir, 'nested', 'jwt-mesh', 'session.json');
      writeSession(file, session);
      expect(mode(file)).toBe(0o600);
      expect(mode(join(dir, 'nested', 'jwt-mesh'))).toBe(0o700);
      expect(readSession(file)).toEqual(session);
    } finally {
      process.umask(old);
    }
  });

  it('leaves an existing directory alone (it may be /tmp) and replaces the file atomically', () => {
    const sub = join(dir, 'cfg');
    mkdirSync(sub);
    chmodSync(sub, 0o755);
    const file = join(sub, 'session.json');
    writeFileSync(file, '{}', { mode: 0o644 });
    writeSession(file, session);
    expect(mode(sub)).toBe(0o755);
    expect(mode(file)).toBe(0o600);
    expect(readdirSync(sub)).toEqual(['session.json']);
  });

  it('reads nothing when the file is missing or not a session', () => {
    expect(readSession(join(dir, 'none.json'))).toBeUndefined();
    writeFileSync(join(dir, 'bad.json'), 'not json');
    expect(readSession(join(dir, 'bad.json'))).toBeUndefined();
    writeFileSync(join(dir, 'other.json'), '{"username":"x"}');
    expect(readSession(join(dir, 'other.json'))).toBeUndefined();
  });

  it('deletes the file and reports whether there was one', () => {
    const file = join(dir, 'session.json');
    writeSession(file, session);
    expect(deleteSession(file)).toBe(true);
    expect(deleteSession(file)).toBe(false);
    expect(readSession(file)).toBeUndefined();
  });
});
