import {
  DEFAULT_SCRYPT_PARAMS,
  hashPassword,
  isPasswordHash,
  needsRehash,
  verifyPassword,
} from './password';

const FAST = { N: 1024, r: 8, p: 1 };

describe('password hashing', () => {
  it('encodes the parameters and a per-hash salt in the string', async () => {
    const a = await hashPassword('correct horse', FAST);
    const b = await hashPassword('correct horse', FAST);
    expect(a).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
    expect(isPasswordHash(a)).toBe(true);
  });

  it('verifies the right password and only that', async () => {
    const h = await hashPassword('correct horse', FAST);
    await expect(verifyPassword('correct horse', h)).resolves.toBe(true);
    await expect(verifyPassword('correct horsf', h)).resolves.toBe(false);
    await expect(verifyPassword('', h)).resolves.toBe(false);
  });

  it('cannot tell a trailing NUL from none (why Login refuses control characters)', async () => {
    // scrypt keys PBKDF2-HMAC-SHA256 with the password; HMAC zero-pads a short key.
    const h = await hashPassword('bob-password', FAST);
    await expect(verifyPassword('bob-password\0', h)).resolves.toBe(true);
  });

  it('treats malformed or absurd-cost hashes as a mismatch, never a throw', async () => {
    for (const bad of [
      '',
      'plain',
      'scrypt$1023$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      'scrypt$2097152$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    ]) {
      expect(isPasswordHash(bad)).toBe(false);
      await expect(verifyPassword('x', bad)).resolves.toBe(false);
    }
  });

  it('defaults to N=2^15, r=8, p=1 and asks for a rehash of cheaper hashes', async () => {
    expect(DEFAULT_SCRYPT_PARAMS).toEqual({ N: 32768, r: 8, p: 1 });
    const cheap = await hashPassword('x', FAST);
    expect(needsRehash(cheap, DEFAULT_SCRYPT_PARAMS)).toBe(true);
    expect(needsRehash(cheap, FAST)).toBe(false);
  });

  it('refuses bad parameters when hashing', async () => {
    await expect(hashPassword('x', { N: 1000, r: 8, p: 1 })).rejects.toThrow(TypeError);
  });
});
