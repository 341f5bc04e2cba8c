import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
} from 'node:crypto';
import type { JWK } from 'jose';

const spki = { type: 'spki', format: 'der' } as const;
const pkcs8 = { type: 'pkcs8', format: 'der' } as const;

/** A signing key pair for tests, with its public JWK and a one-key JWKS. */
export interface TestKeys {
  readonly alg: string;
  /** RFC 7638 thumbprint of the public JWK, as the auth service sets it. */
  readonly kid: string;
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  /** `{ ...public members, kid, alg, use: 'sig' }` */
  readonly publicJwk: JWK;
  /** SPKI PEM text of the public key. */
  readonly publicPem: string;
  readonly jwks: { keys: JWK[] };
}

// The key pair is parsed from DER rather than taken from generateKeyPairSync: on Node 20 a
// generated KeyObject shares a lock with the keygen job that the GC frees, and a JWK export that
// holds the lock while the GC frees the job hangs the process (the auth service's key-material.ts).
function generate(alg: string): { privateKey: KeyObject; publicKey: KeyObject } {
  let pkcs8Der: Buffer;
  if (alg === 'ES256')
    pkcs8Der = generateKeyPairSync('ec', {
      namedCurve: 'P-256',
      publicKeyEncoding: spki,
      privateKeyEncoding: pkcs8,
    }).privateKey;
  else if (alg === 'ES384')
    pkcs8Der = generateKeyPairSync('ec', {
      namedCurve: 'P-384',
      publicKeyEncoding: spki,
      privateKeyEncoding: pkcs8,
    }).privateKey;
  else if (alg === 'ES512')
    pkcs8Der = generateKeyPairSync('ec', {
      namedCurve: 'P-521',
      publicKeyEncoding: spki,
      privateKeyEncoding: pkcs8,
    }).privateKey;
  else if (/^(RS|PS)(256|384|512)$/.test(alg))
    pkcs8Der = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      publicKeyEncoding: spki,
      privateKeyEncoding: pkcs8,
    }).privateKey;
  else if (alg === 'EdDSA' || alg === 'Ed25519')
    pkcs8Der = generateKeyPairSync('ed25519', {
      publicKeyEncoding: spki,
      privateKeyEncoding: pkcs8,
    }).privateKey;
  else throw new TypeError(`alg: ${alg} is not supported by createTestKeys`);
  const privateKey = createPrivateKey({ key: pkcs8Der, format: 'der', type: 'pkcs8' });
  return { privateKey, publicKey: createPublicKey(privateKey) };
}

const THUMBPRINT_MEMBERS: Record<string, string[]> = {
  EC: ['crv', 'kty', 'x', 'y'],
  RSA: ['e', 'kty', 'n'],
  OKP: ['crv', 'kty', 'x'],
};

/**
 * RFC 7638 JWK thumbprint (SHA-256, base64url).
 *
 * @example
 * ```ts
 * const kid = jwkThumbprint(publicJwk);
 * ```
 */
export function jwkThumbprint(jwk: JWK): string {
  const members = THUMBPRINT_MEMBERS[jwk.kty ?? ''];
  if (!members) throw new TypeError(`jwk: unsupported kty ${String(jwk.kty)}`);
  // Required members only, in lexicographic order, no whitespace (RFC 7638 §3.2).
  const canonical = `{${members.map((m) => `"${m}":${JSON.stringify((jwk as Record<string, unknown>)[m])}`).join(',')}}`;
  return createHash('sha256').update(canonical).digest('base64url');
}

/**
 * Makes a fresh key pair for tests (synchronously). Default ES256, like the auth service.
 *
 * @example
 * ```ts
 * const keys = createTestKeys();
 * const keySet = createStaticKeySet({ jwks: keys.jwks, algorithms: ['ES256'] });
 * ```
 */
export function createTestKeys(alg = 'ES256'): TestKeys {
  const { privateKey, publicKey } = generate(alg);
  const raw = publicKey.export({ format: 'jwk' }) as JWK;
  const kid = jwkThumbprint(raw);
  const publicJwk: JWK = { ...raw, kid, alg, use: 'sig' };
  return Object.freeze({
    alg,
    kid,
    privateKey,
    publicKey,
    publicJwk,
    publicPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
    jwks: { keys: [publicJwk] },
  });
}
