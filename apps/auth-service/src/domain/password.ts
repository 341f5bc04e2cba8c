import { randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';

/** scrypt cost parameters. The defaults follow OWASP's scrypt minimum (N=2^15, r=8, p=1). */
export interface ScryptParams {
  readonly N: number;
  readonly r: number;
  readonly p: number;
}

export const DEFAULT_SCRYPT_PARAMS: ScryptParams = Object.freeze({ N: 2 ** 15, r: 8, p: 1 });

const KEY_LEN = 32;
const SALT_LEN = 16;
// A hash string comes from the seed file or the database; cap its cost so a crafted entry cannot
// make one login burn seconds of CPU or gigabytes of memory.
const MAX_N = 2 ** 20;
const MAX_R = 32;
const MAX_P = 16;
const HASH_RE = /^scrypt\$(\d+)\$(\d+)\$(\d+)\$([A-Za-z0-9_-]{16,})\$([A-Za-z0-9_-]{32,})$/;

function scrypt(password: string, salt: Buffer, len: number, p: ScryptParams): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // node refuses when 128*N*r*p reaches maxmem (32 MiB by default), which N=2^15, r=8 does.
    const maxmem = 256 * p.N * p.r + 1024 * 1024;
    scryptCb(password, salt, len, { N: p.N, r: p.r, p: p.p, maxmem }, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}

interface ParsedHash {
  params: ScryptParams;
  salt: Buffer;
  hash: Buffer;
}

function parse(encoded: string): ParsedHash | undefined {
  const m = HASH_RE.exec(encoded);
  if (!m) return undefined;
  const params = { N: Number(m[1]), r: Number(m[2]), p: Number(m[3]) };
  if (!isValidParams(params)) return undefined;
  return { params, salt: Buffer.from(m[4], 'base64url'), hash: Buffer.from(m[5], 'base64url') };
}

function isValidParams({ N, r, p }: ScryptParams): boolean {
  const powerOfTwo = N > 1 && (N & (N - 1)) === 0;
  return powerOfTwo && N <= MAX_N && r >= 1 && r <= MAX_R && p >= 1 && p <= MAX_P;
}

/** Whether `encoded` is a hash string this module can verify. */
export function isPasswordHash(encoded: string): boolean {
  return parse(encoded) !== undefined;
}

/**
 * Hashes a password with a fresh random salt; the parameters travel inside the string.
 * @example
 * const h = await hashPassword('s3cret'); // 'scrypt$32768$8$1$<salt>$<hash>'
 */
export async function hashPassword(
  password: string,
  params: ScryptParams = DEFAULT_SCRYPT_PARAMS,
): Promise<string> {
  if (!isValidParams(params))
    throw new TypeError('scrypt params: N must be a power of two ≤ 2^20, r ≤ 32, p ≤ 16');
  const salt = randomBytes(SALT_LEN);
  const hash = await scrypt(password, salt, KEY_LEN, params);
  return `scrypt$${params.N}$${params.r}$${params.p}$${salt.toString('base64url')}$${hash.toString('base64url')}`;
}

/**
 * Constant-time check of `password` against an encoded hash. A malformed hash is `false`, never a throw.
 */
export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  const parsed = parse(encoded);
  if (!parsed) return false;
  const candidate = await scrypt(password, parsed.salt, parsed.hash.length, parsed.params);
  return candidate.length === parsed.hash.length && timingSafeEqual(candidate, parsed.hash);
}

/** True when the stored hash is cheaper than `params` (then the caller rehashes after a good login). */
export function needsRehash(encoded: string, params: ScryptParams): boolean {
  const parsed = parse(encoded);
  if (!parsed) return true;
  const cost = (x: ScryptParams) => x.N * x.r * x.p;
  return cost(parsed.params) < cost(params);
}
