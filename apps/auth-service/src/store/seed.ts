import { readFileSync } from 'node:fs';
import { hasControlCharacters } from '../domain/credential-text';
import { hashPassword, isPasswordHash, type ScryptParams } from '../domain/password';
import type { UserRecord, UserStore } from './user-store';

/**
 * One seed entry. `password_hash` (an scrypt string) is preferred; `password` (plain text, hashed at
 * seed time) is for demos and tests. Other fields (display_name, email: user-service's) are ignored.
 */
export interface SeedUser {
  id: string;
  username: string;
  roles: string[];
  scopes?: string[];
  password_hash?: string;
  password?: string;
}

export class SeedError extends Error {
  readonly code = 'ERR_SEED';
  constructor(readonly problems: string[]) {
    super(`invalid seed: ${problems.join('; ')}`);
    this.name = 'SeedError';
  }
}

const isStringArray = (v: unknown): v is string[] =>
  Array.isArray(v) && v.every((x) => typeof x === 'string');

/** Login refuses control characters, so a seeded name or password holding one could never log in. */
function controlCharacterProblems(u: Partial<SeedUser> | null | undefined, at: string): string[] {
  return (['username', 'password'] as const)
    .filter((field) => typeof u?.[field] === 'string' && hasControlCharacters(u[field]))
    .map((field) => `${at}.${field} contains control characters`);
}

/** Checks a parsed seed document and lists every problem (never echoing a password). */
export function parseSeed(doc: unknown): SeedUser[] {
  const users = (doc as { users?: unknown } | null)?.users;
  if (!Array.isArray(users)) throw new SeedError(['expected { "users": [...] }']);
  const problems: string[] = [];
  const ids = new Set<string>();
  const names = new Set<string>();
  users.forEach((u: Record<string, unknown>, i) => {
    const at = `users[${i}]`;
    if (typeof u?.id !== 'string' || u.id === '')
      problems.push(`${at}.id must be a non-empty string`);
    else if (ids.has(u.id)) problems.push(`${at}.id duplicates ${u.id}`);
    else ids.add(u.id);
    if (typeof u?.username !== 'string' || u.username === '')
      problems.push(`${at}.username must be a non-empty string`);
    else if (names.has(u.username.toLowerCase())) problems.push(`${at}.username is a duplicate`);
    else names.add(u.username.toLowerCase());
    if (!isStringArray(u?.roles)) problems.push(`${at}.roles must be an array of strings`);
    if (u?.scopes !== undefined && !isStringArray(u.scopes))
      problems.push(`${at}.scopes must be an array of strings`);
    if (u?.password_hash !== undefined) {
      if (typeof u.password_hash !== 'string' || !isPasswordHash(u.password_hash)) {
        problems.push(`${at}.password_hash is not a scrypt$N$r$p$salt$hash string`);
      }
    } else if (typeof u?.password !== 'string' || u.password === '') {
      problems.push(`${at} needs password_hash or password`);
    }
    problems.push(...controlCharacterProblems(u, at));
  });
  if (problems.length > 0) throw new SeedError(problems);
  return users as SeedUser[];
}

export function readSeedFile(path: string): SeedUser[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new SeedError([`cannot read ${path}`]);
  }
  try {
    return parseSeed(JSON.parse(text));
  } catch (err) {
    if (err instanceof SeedError) throw new SeedError(err.problems.map((p) => `${path}: ${p}`));
    throw new SeedError([`${path} is not valid JSON`]);
  }
}

/**
 * Inserts the seed users when the store is empty (idempotent: a non-empty store is left alone).
 * @returns how many users were inserted
 */
export async function seedUsers(
  store: UserStore,
  seed: readonly SeedUser[],
  scrypt: ScryptParams,
  now: number,
): Promise<number> {
  if (store.count() > 0) return 0;
  // Seeds passed in code skip parseSeed; the plaintext rule holds for them too.
  const problems = seed.flatMap((u, i) => controlCharacterProblems(u, `users[${i}]`));
  if (problems.length > 0) throw new SeedError(problems);
  const records: UserRecord[] = [];
  for (const u of seed) {
    const passwordHash = u.password_hash ?? (await hashPassword(u.password ?? '', scrypt));
    records.push({
      id: u.id,
      username: u.username,
      passwordHash,
      roles: [...u.roles],
      scopes: [...(u.scopes ?? [])],
    });
  }
  // Checked again after the awaits: another seeding may have won meanwhile.
  if (store.count() > 0) return 0;
  store.insertMany(records, now);
  return records.length;
}
