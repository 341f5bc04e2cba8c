import { constants, verify, type KeyObject } from 'node:crypto';
import { algorithmsForKey } from '../keys/algorithms';

type Params = { digest: string | null; options: object };

const ES = (digest: string): Params => ({ digest, options: { dsaEncoding: 'ieee-p1363' } });
const PS = (digest: string): Params => ({
  digest,
  options: {
    padding: constants.RSA_PKCS1_PSS_PADDING,
    saltLength: constants.RSA_PSS_SALTLEN_DIGEST,
  },
});

// RFC 7518 §3 / RFC 8037: how each supported JWS algorithm maps onto node:crypto verify.
const PARAMS: Readonly<Record<string, Params>> = Object.freeze({
  ES256: ES('sha256'),
  ES384: ES('sha384'),
  ES512: ES('sha512'),
  RS256: { digest: 'sha256', options: {} },
  RS384: { digest: 'sha384', options: {} },
  RS512: { digest: 'sha512', options: {} },
  PS256: PS('sha256'),
  PS384: PS('sha384'),
  PS512: PS('sha512'),
  EdDSA: { digest: null, options: {} },
  Ed25519: { digest: null, options: {} },
});

/**
 * Checks the signature of a compact JWS with node:crypto, synchronously. jose 6 verifies through
 * WebCrypto, which in Node 20 queues every verification as a thread-pool job: about three times
 * the CPU of the same check done here (bench/results/latest.md, scenario 1). `alg` is already
 * allow-listed and `key` was chosen by the key set for that alg.
 */
export function verifyCompactSignature(token: string, alg: string, key: KeyObject): boolean {
  const p = PARAMS[alg];
  // Keep jose's key checks for keys from custom KeySets too: the curve must match the ES alg, RSA
  // keys need 2048 bits, and a key of another type never verifies.
  if (!p || !algorithmsForKey(key).includes(alg)) return false;
  const dot = token.lastIndexOf('.');
  const encoded = token.slice(dot + 1);
  const signature = Buffer.from(encoded, 'base64url');
  // Buffer ignores the unused low bits of the last character, so one signature has up to 16
  // spellings. Only the canonical one is accepted: one token, one string (for the cache and for
  // anyone keying a deny list on the token).
  if (signature.toString('base64url') !== encoded) return false;
  try {
    return verify(
      p.digest,
      Buffer.from(token.slice(0, dot), 'ascii'),
      { key, ...p.options } as Parameters<typeof verify>[2],
      signature,
    );
  } catch {
    // a signature of the wrong size or a key of the wrong type: not a valid signature
    return false;
  }
}
