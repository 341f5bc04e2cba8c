import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  unlinkSync,
  writeSync,
  closeSync,
} from 'node:fs';
import { dirname, join } from 'node:path';

/** What `login` keeps between runs. Tokens only; never the password. */
export interface Session {
  username: string;
  access_token: string;
  refresh_token: string;
  /** ISO time of the login or last refresh. */
  saved_at: string;
}

/** The file mode a session file must have: readable and writable by its owner only. */
export const SESSION_FILE_MODE = 0o600;
export const SESSION_DIR_MODE = 0o700;

function isSession(v: unknown): v is Session {
  const s = v as Partial<Session> | null;
  return (
    typeof s === 'object' &&
    s !== null &&
    typeof s.username === 'string' &&
    typeof s.access_token === 'string' &&
    typeof s.refresh_token === 'string'
  );
}

/** The saved session, or undefined when there is none (or it is unreadable garbage). */
export function readSession(path: string): Session | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  try {
    const parsed: unknown = JSON.parse(text);
    return isSession(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Writes the session atomically: a 0600 temp file (created exclusively), then rename over the old
 * one, so no other user can ever read a token, even for the moment between open and chmod.
 * Directories it creates are 0700; an existing one is left as it is: it may be /tmp or $HOME, which
 * are not the CLI's to change (the file itself is 0600 either way).
 */
export function writeSession(path: string, session: Session): void {
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true, mode: SESSION_DIR_MODE });
  const tmp = join(dir, `.session-${randomBytes(6).toString('hex')}.tmp`);
  const fd = openSync(tmp, 'wx', SESSION_FILE_MODE);
  try {
    writeSync(fd, `${JSON.stringify(session, null, 2)}\n`);
  } finally {
    closeSync(fd);
  }
  try {
    chmodSync(tmp, SESSION_FILE_MODE);
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

/** Deletes the session file; true when there was one. */
export function deleteSession(path: string): boolean {
  try {
    unlinkSync(path);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw err;
  }
}
