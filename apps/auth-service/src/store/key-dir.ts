import {
  chmodSync,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { KeyConfigError, KeyDirLockedError } from '../errors';
import type { KeyState } from '../domain/keys/key-ring';

const KID_RE = /^[A-Za-z0-9_-]{16,128}$/;
const STATE_FILE = 'state.json';
const LOCK_FILE = 'lock';

/**
 * The key directory (DATA_DIR/keys): one `<kid>.pem` (PKCS#8) per private key and `state.json`,
 * the directory 0700 and every file 0600. Writes go to a temporary file and are renamed into place,
 * so a crash never leaves half a key. The state names only keys whose files already exist.
 */
export interface KeyDir {
  readonly path: string;
  readState(): KeyState | undefined;
  writeState(state: KeyState): void;
  readPrivateKey(kid: string): string;
  writePrivateKey(kid: string, pem: string): void;
  deletePrivateKey(kid: string): void;
  /** Takes the directory for this process; throws KeyDirLockedError if another live one has it. */
  lock(): () => void;
}

function checkKid(kid: string): string {
  if (!KID_RE.test(kid)) throw new KeyConfigError('key state names an invalid kid');
  return kid;
}

function writePrivateFile(path: string, data: string): void {
  const tmp = `${path}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    writeSync(fd, data);
  } finally {
    closeSync(fd);
  }
  chmodSync(tmp, 0o600);
  renameSync(tmp, path);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function openKeyDir(path: string): KeyDir {
  mkdirSync(path, { recursive: true, mode: 0o700 });
  chmodSync(path, 0o700); // also tightens a directory someone created by hand
  const file = (kid: string) => join(path, `${checkKid(kid)}.pem`);

  return {
    path,
    readState() {
      const p = join(path, STATE_FILE);
      if (!existsSync(p)) return undefined;
      try {
        return JSON.parse(readFileSync(p, 'utf8')) as KeyState;
      } catch {
        throw new KeyConfigError(`${p} is not valid JSON`);
      }
    },
    writeState(state) {
      writePrivateFile(join(path, STATE_FILE), `${JSON.stringify(state, null, 2)}\n`);
    },
    readPrivateKey(kid) {
      const p = file(kid);
      if (!existsSync(p)) throw new KeyConfigError(`key state names ${kid} but ${p} is missing`);
      return readFileSync(p, 'utf8');
    },
    writePrivateKey(kid, pem) {
      writePrivateFile(file(kid), pem);
    },
    deletePrivateKey(kid) {
      rmSync(file(kid), { force: true });
    },
    lock() {
      const p = join(path, LOCK_FILE);
      for (let attempt = 0; attempt < 2; attempt++) {
        try {
          writeFileSync(p, String(process.pid), { flag: 'wx', mode: 0o600 });
          return () => {
            if (readFileSync(p, 'utf8').trim() === String(process.pid)) rmSync(p, { force: true });
          };
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
          const pid = Number(readFileSync(p, 'utf8').trim());
          // A lock of our own pid is stale: a container restarted and got pid 1 again.
          if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid)) {
            throw new KeyDirLockedError(path, pid);
          }
          rmSync(p, { force: true });
        }
      }
      throw new KeyDirLockedError(path, -1);
    },
  };
}
