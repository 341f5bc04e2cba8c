import type { KeyObject } from 'node:crypto';

/**
 * The asymmetric JWS algorithms this library verifies. HMAC is absent on purpose: a verifier that
 * holds the secret can mint tokens, and "HS256 with the public key as secret" is a classic attack.
 *
 * @example
 * ```ts
 * const algorithms = config.JWT_ALGORITHMS.filter((a) => SUPPORTED_ALGORITHMS.includes(a as Algorithm));
 * ```
 */
export const SUPPORTED_ALGORITHMS = Object.freeze([
  'ES256',
  'ES384',
  'ES512',
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'EdDSA',
  'Ed25519',
] as const);

/** One of {@link SUPPORTED_ALGORITHMS}. */
export type Algorithm = (typeof SUPPORTED_ALGORITHMS)[number];

const supported: ReadonlySet<string> = new Set(SUPPORTED_ALGORITHMS);

/** Checks an `algorithms` option (exact spelling, non-empty, supported) at construction time. */
export function checkAlgorithms(value: unknown, option = 'algorithms'): readonly string[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw new TypeError(`${option}: must be a non-empty array such as ['ES256']`);
  }
  for (const alg of value) {
    if (typeof alg !== 'string' || !supported.has(alg)) {
      throw new TypeError(
        `${option}: ${JSON.stringify(alg)} is not supported; use some of ${SUPPORTED_ALGORITHMS.join(', ')}`,
      );
    }
  }
  return Object.freeze([...new Set(value as string[])]);
}

const RSA = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512'];
const EC: Record<string, string> = {
  prime256v1: 'ES256',
  'P-256': 'ES256',
  secp384r1: 'ES384',
  'P-384': 'ES384',
  secp521r1: 'ES512',
  'P-521': 'ES512',
};

/** The algorithms a public key can verify at all, so a key set decides which algs are possible. */
export function algorithmsForKey(key: KeyObject): readonly string[] {
  const details = key.asymmetricKeyDetails ?? {};
  switch (key.asymmetricKeyType) {
    case 'rsa':
      // jose refuses RSA keys under 2048 bits; refusing them up front keeps the key set honest.
      return (details.modulusLength ?? 0) >= 2048 ? RSA : [];
    case 'rsa-pss':
      return (details.modulusLength ?? 0) >= 2048 ? RSA.filter((a) => a.startsWith('PS')) : [];
    case 'ec': {
      const alg = EC[details.namedCurve ?? ''];
      return alg ? [alg] : [];
    }
    case 'ed25519':
      return ['EdDSA', 'Ed25519'];
    default:
      return [];
  }
}
