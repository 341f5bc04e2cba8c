import Database from 'better-sqlite3';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPrivateFile } from './private-file';

const mode = (p: string) => statSync(p).mode & 0o777;

describe('createPrivateFile', () => {
  let root: string;
  const umask = process.umask();
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'private-file-'));
    process.umask(0o022); // the usual default: new files 0644, folders 0755
  });
  afterEach(() => {
    process.umask(umask);
    rmSync(root, { recursive: true, force: true });
  });

  it('creates the folder 0700 and the file 0600, and SQLite keeps its WAL files private', () => {
    const file = join(root, 'data', 'orders.db');
    createPrivateFile(file);
    expect(mode(join(root, 'data'))).toBe(0o700);
    expect(mode(file)).toBe(0o600);
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1)');
    expect(mode(`${file}-wal`)).toBe(0o600);
    expect(mode(`${file}-shm`)).toBe(0o600);
    db.close();
  });

  it('tightens an existing file, keeping its content, and leaves an existing folder alone', () => {
    const dir = join(root, 'shared');
    mkdirSync(dir, { mode: 0o755 });
    const file = join(dir, 'users.db');
    writeFileSync(file, 'x', { mode: 0o644 });
    createPrivateFile(file);
    expect(mode(file)).toBe(0o600);
    expect(statSync(file).size).toBe(1);
    // e.g. /tmp: never the helper's to change
    expect(mode(dir)).toBe(0o755);
  });
});
