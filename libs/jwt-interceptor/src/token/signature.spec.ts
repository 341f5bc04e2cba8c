import { generateKeyPairSync } from 'node:crypto';
import { createTestKeys, replaceSignature, signTestToken } from '../testing';
import { verifyCompactSignature } from './signature';

// jose signs, node:crypto verifies: the two must agree for every supported algorithm.
it.each(['ES256', 'ES384', 'ES512', 'RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'EdDSA'])(
  '%s: accepts a jose signature, refuses a tampered payload or signature',
  async (alg) => {
    const keys = createTestKeys(alg);
    const token = await signTestToken({ sub: 'u' }, { keys });
    expect(verifyCompactSignature(token, alg, keys.publicKey)).toBe(true);
    const [h, p, s] = token.split('.') as [string, string, string];
    const otherPayload = Buffer.from(JSON.stringify({ sub: 'admin' })).toString('base64url');
    expect(verifyCompactSignature(`${h}.${otherPayload}.${s}`, alg, keys.publicKey)).toBe(false);
    expect(verifyCompactSignature(`${h}.${p}.${s.slice(0, -4)}`, alg, keys.publicKey)).toBe(false);
    expect(
      verifyCompactSignature(replaceSignature(token, new Uint8Array(64)), alg, keys.publicKey),
    ).toBe(false);
  },
);

it('accepts only the canonical base64url spelling of a signature', async () => {
  const keys = createTestKeys('ES256');
  const token = await signTestToken({ sub: 'u' }, { keys });
  expect(verifyCompactSignature(token, 'ES256', keys.publicKey)).toBe(true);
  // 64 bytes = 86 characters: the last one carries 2 bits and 4 unused ones. Setting an unused bit
  // decodes to the same bytes, so only the canonical check tells the two apart.
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const last = token.at(-1)!;
  const twin = token.slice(0, -1) + alphabet[alphabet.indexOf(last) ^ 1];
  const sig = (t: string) => Buffer.from(t.split('.')[2]!, 'base64url');
  expect(sig(twin).equals(sig(token))).toBe(true);
  expect(verifyCompactSignature(twin, 'ES256', keys.publicKey)).toBe(false);
});

it('refuses a key that does not fit the alg (curve, type, RSA size) and unknown algs', async () => {
  const es256 = createTestKeys('ES256');
  const token = await signTestToken({ sub: 'u' }, { keys: es256 });
  expect(verifyCompactSignature(token, 'ES384', es256.publicKey)).toBe(false);
  expect(verifyCompactSignature(token, 'RS256', es256.publicKey)).toBe(false);
  expect(verifyCompactSignature(token, 'none', es256.publicKey)).toBe(false);
  const small = generateKeyPairSync('rsa', { modulusLength: 1024 });
  expect(verifyCompactSignature(token, 'RS256', small.publicKey)).toBe(false);
});
