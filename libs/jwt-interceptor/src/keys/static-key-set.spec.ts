import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStaticKeySet, loadStaticKeySetFromFile } from '../index';
import { createTestKeys } from '../testing';

const es = createTestKeys('ES256');
const rs = createTestKeys('RS256');

it('resolves by exact kid, and a kid-less PEM key for any kid of a fitting alg', async () => {
  const set = createStaticKeySet({ jwks: es.jwks, algorithms: ['ES256'] });
  await expect(set.getKey({ alg: 'ES256', kid: es.kid })).resolves.toBe(
    await set.getKey({ alg: 'ES256', kid: es.kid }),
  );
  await expect(set.getKey({ alg: 'ES256', kid: 'other' })).rejects.toMatchObject({
    reason: 'ERR_JWKS_NO_MATCHING_KEY',
  });
  const pem = createStaticKeySet({ pem: es.publicPem, algorithms: ['ES256'] });
  await expect(pem.getKey({ alg: 'ES256', kid: 'whatever' })).resolves.toBeDefined();
  await expect(pem.getKey({ alg: 'ES384' })).rejects.toMatchObject({
    reason: 'ERR_JWKS_NO_MATCHING_KEY',
  });
});

it('a key decides which algorithms are possible: an ES256 key never verifies RS256', async () => {
  const set = createStaticKeySet({
    jwks: { keys: [es.publicJwk, rs.publicJwk] },
    algorithms: ['ES256', 'RS256'],
  });
  await expect(set.getKey({ alg: 'RS256', kid: es.kid })).rejects.toMatchObject({
    reason: 'ERR_JWKS_NO_MATCHING_KEY',
  });
  await expect(set.getKey({ alg: 'RS256', kid: rs.kid })).resolves.toBeDefined();
});

it('refuses two candidate keys for a token without kid', async () => {
  const other = createTestKeys('ES256');
  const set = createStaticKeySet({
    jwks: { keys: [es.publicJwk, other.publicJwk] },
    algorithms: ['ES256'],
  });
  await expect(set.getKey({ alg: 'ES256' })).rejects.toMatchObject({
    reason: 'ERR_JWKS_MULTIPLE_MATCHING_KEYS',
  });
});

it.each([
  ['jwk', { jwk: { ...es.privateKey.export({ format: 'jwk' }), kid: 'x' } }],
  ['jwk', { jwk: { ...es.publicJwk, use: 'enc' } }],
  ['jwk', { jwk: { kty: 'oct', k: 'c2VjcmV0' } }],
  ['jwks', { jwks: { keys: [{ ...es.publicJwk, alg: 'ES384' }] } }],
  ['jwks', { jwks: '{not json' }],
  ['pem', { pem: es.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString() }],
  ['pem', { pem: rs.publicPem }],
  ['jwks, jwk or pem', {}],
  ['algorithms', { pem: es.publicPem, algorithms: ['HS256'] }],
])('throws a TypeError naming %s for bad input', (option, opts) => {
  expect(() => createStaticKeySet({ algorithms: ['ES256'], ...opts })).toThrow(
    new RegExp(`^${option}:`),
  );
});

it('loads PEM, JWK and JWKS files', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'jwt-interceptor-'));
  const files = {
    'k.pem': es.publicPem,
    'k.jwk': JSON.stringify(es.publicJwk),
    'k.jwks': JSON.stringify(es.jwks),
  };
  for (const [name, text] of Object.entries(files)) {
    writeFileSync(join(dir, name), text);
    const set = loadStaticKeySetFromFile(join(dir, name), ['ES256']);
    await expect(set.getKey({ alg: 'ES256', kid: es.kid })).resolves.toBeDefined();
  }
  expect(() => loadStaticKeySetFromFile(join(dir, 'missing'), ['ES256'])).toThrow(/^path:/);
});

it('refuses what is not a small regular file before reading it (a device, a folder, a huge file)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jwt-interceptor-'));
  const huge = join(dir, 'huge.jwks');
  writeFileSync(huge, ' '.repeat(1024 * 1024 + 1));
  expect(() => loadStaticKeySetFromFile(huge, ['ES256'])).toThrow(/larger than 1048576 bytes/);
  expect(() => loadStaticKeySetFromFile('/dev/zero', ['ES256'])).toThrow(/not a regular file/);
  expect(() => loadStaticKeySetFromFile(dir, ['ES256'])).toThrow(/not a regular file/);
});
