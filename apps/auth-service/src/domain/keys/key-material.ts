import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
} from 'node:crypto';
import { calculateJwkThumbprint, type JWK } from 'jose';
import { KeyConfigError } from '../../errors';

export const SIGNING_ALGS = ['ES256', 'RS256', 'PS256', 'EdDSA'] as const;
export type SigningAlg = (typeof SIGNING_ALGS)[number];

/** A private signing key with its public half in JWK form. */
export interface KeyMaterial {
  readonly kid: string;
  readonly alg: SigningAlg;
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  /** Public members only, plus kid, alg and use. */
  readonly publicJwk: Readonly<JWK>;
}

// Only these members are ever published: a private member (d, p, q, dp, dq, qi, oth, k) cannot
// leak into a JWKS even if a key is exported the wrong way somewhere.
const PUBLIC_MEMBERS: Record<string, readonly string[]> = {
  EC: ['kty', 'crv', 'x', 'y'],
  RSA: ['kty', 'n', 'e'],
  OKP: ['kty', 'crv', 'x'],
};

export function isSigningAlg(v: string): v is SigningAlg {
  return (SIGNING_ALGS as readonly string[]).includes(v);
}

// Node 20 deadlock (nodejs/node src/crypto/crypto_keygen.h, ~KeyPairGenConfig): every copy of a
// generated key shares one mutex with its generation job, generateKeyPairSync's job included, and
// the garbage collector frees that job with a destructor that takes the mutex. KeyObject export
// to JWK and asymmetricKeyDetails take the same mutex and allocate while holding it; when that
// allocation runs the GC that frees the job, the thread waits on itself forever (a hung
// `rotate-keys`). So the job hands out DER bytes only, and the key we keep is parsed afresh,
// with a lock of its own.
const spki = { type: 'spki', format: 'der' } as const;
const pkcs8 = { type: 'pkcs8', format: 'der' } as const;

function fromDer(der: Buffer): KeyObject {
  return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
}

/**
 * Generates a fresh key for `alg` (P-256 for ES256, RSA-2048 for RS256/PS256, Ed25519 for EdDSA).
 * The key shares no lock with node's generation job (see above), so exporting it cannot deadlock.
 */
export function generateKey(alg: SigningAlg): KeyObject {
  switch (alg) {
    case 'ES256':
      return fromDer(
        generateKeyPairSync('ec', {
          namedCurve: 'P-256',
          publicKeyEncoding: spki,
          privateKeyEncoding: pkcs8,
        }).privateKey,
      );
    case 'RS256':
    case 'PS256':
      return fromDer(
        generateKeyPairSync('rsa', {
          modulusLength: 2048,
          publicKeyEncoding: spki,
          privateKeyEncoding: pkcs8,
        }).privateKey,
      );
    case 'EdDSA':
      return fromDer(
        generateKeyPairSync('ed25519', { publicKeyEncoding: spki, privateKeyEncoding: pkcs8 })
          .privateKey,
      );
  }
}

/** Throws KeyConfigError unless `key` can sign with `alg`. */
export function assertKeyFitsAlg(key: KeyObject, alg: SigningAlg): void {
  const type = key.asymmetricKeyType;
  const ok =
    (alg === 'ES256' && type === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1') ||
    ((alg === 'RS256' || alg === 'PS256') &&
      type === 'rsa' &&
      (key.asymmetricKeyDetails?.modulusLength ?? 0) >= 2048) ||
    (alg === 'EdDSA' && type === 'ed25519');
  if (!ok) {
    throw new KeyConfigError(
      `a ${type ?? 'non-asymmetric'} key cannot sign ${alg} (ES256: EC P-256, RS256/PS256: RSA ≥ 2048 bits, EdDSA: Ed25519)`,
    );
  }
}

/**
 * Parses an operator-supplied private key: PKCS#8/SEC1/PKCS#1 PEM, or a JWK (JSON with `d`).
 * The message of a failure never includes the key text.
 */
export function parsePrivateKey(text: string): KeyObject {
  const trimmed = text.trim();
  try {
    if (trimmed.startsWith('{')) {
      const jwk = JSON.parse(trimmed) as JWK;
      if (typeof jwk.d !== 'string') throw new Error('no private member');
      return createPrivateKey({ key: jwk as import('node:crypto').JsonWebKey, format: 'jwk' });
    }
    const key = createPrivateKey({ key: trimmed, format: 'pem' });
    return key;
  } catch {
    throw new KeyConfigError('the signing key is neither a private-key PEM nor a private JWK');
  }
}

/** Builds the KeyMaterial (public JWK, RFC 7638 thumbprint as kid) for a private key. */
export async function toKeyMaterial(privateKey: KeyObject, alg: SigningAlg): Promise<KeyMaterial> {
  assertKeyFitsAlg(privateKey, alg);
  const publicKey = createPublicKey(privateKey);
  const exported = publicKey.export({ format: 'jwk' }) as Record<string, unknown>;
  const members = PUBLIC_MEMBERS[String(exported.kty)] ?? [];
  const bare: Record<string, unknown> = {};
  for (const m of members) bare[m] = exported[m];
  const kid = await calculateJwkThumbprint(bare as JWK, 'sha256');
  const publicJwk = Object.freeze({ ...bare, kid, alg, use: 'sig' } as JWK);
  return Object.freeze({ kid, alg, privateKey, publicKey, publicJwk });
}

/** PKCS#8 PEM of a private key, for the key directory. */
export function privateKeyToPem(key: KeyObject): string {
  return key.export({ format: 'pem', type: 'pkcs8' }).toString();
}
