import { createPublicKey } from 'node:crypto';
import { algorithmsForKey } from './algorithms';
import type { KeyEntry } from './key-set';

/** Members that only a private or symmetric JWK carries. */
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'];
const PUBLIC_MEMBERS: Record<string, readonly string[]> = {
  EC: ['kty', 'crv', 'x', 'y'],
  RSA: ['kty', 'n', 'e'],
  OKP: ['kty', 'crv', 'x'],
};

/** A JWK we accept as a verification key, or the reason we skip it. */
export type JwkImport = { entry: KeyEntry } | { skipped: string };

/**
 * Imports one JWK as a public verification key, or says why not: `use` must be absent or `sig`,
 * `key_ops` (if any) must allow `verify`, the key must be public (no `d`...), asymmetric, and fit
 * the allow-list (`alg`, curve, RSA size).
 */
export function importJwk(jwk: unknown, allowed: readonly string[]): JwkImport {
  if (!jwk || typeof jwk !== 'object' || Array.isArray(jwk)) return { skipped: 'not an object' };
  const j = jwk as Record<string, unknown>;
  if (PRIVATE_MEMBERS.some((m) => m in j)) return { skipped: 'private or symmetric key material' };
  if (j.use !== undefined && j.use !== 'sig') return { skipped: 'use is not sig' };
  if (j.key_ops !== undefined && !(Array.isArray(j.key_ops) && j.key_ops.includes('verify'))) {
    return { skipped: 'key_ops lacks verify' };
  }
  if (
    j.kid !== undefined &&
    (typeof j.kid !== 'string' || j.kid.length === 0 || j.kid.length > 256)
  ) {
    return { skipped: 'bad kid' };
  }
  if (j.alg !== undefined && (typeof j.alg !== 'string' || !allowed.includes(j.alg))) {
    return { skipped: 'alg not allowed' };
  }
  const members = typeof j.kty === 'string' ? PUBLIC_MEMBERS[j.kty] : undefined;
  if (!members) return { skipped: 'unsupported kty' };
  // Only the public members reach node, so nothing else in the JWK can influence the import.
  const clean = Object.fromEntries(members.map((m) => [m, j[m]]));
  let key;
  try {
    key = createPublicKey({ key: clean as never, format: 'jwk' });
  } catch {
    return { skipped: 'invalid key' };
  }
  const algorithms = algorithmsForKey(key).filter(
    (a) => allowed.includes(a) && (j.alg === undefined || j.alg === a),
  );
  if (algorithms.length === 0) return { skipped: 'no allowed algorithm fits' };
  return {
    entry: Object.freeze({
      kid: j.kid as string | undefined,
      alg: j.alg as string | undefined,
      algorithms,
      key,
    }),
  };
}

/** Most keys a JWKS may carry; more is a misconfiguration or an attack on our memory. */
export const MAX_JWKS_KEYS = 100;

/** Imports the usable keys of a JWKS document; `skipped` lists why the others were left out. */
export function importJwks(
  doc: unknown,
  allowed: readonly string[],
): { entries: KeyEntry[]; skipped: string[] } {
  const keys = (doc as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(keys)) throw new TypeError('a JWKS must be an object with a "keys" array');
  if (keys.length > MAX_JWKS_KEYS)
    throw new TypeError(`a JWKS may hold at most ${MAX_JWKS_KEYS} keys`);
  const entries: KeyEntry[] = [];
  const skipped: string[] = [];
  for (const jwk of keys) {
    const r = importJwk(jwk, allowed);
    if ('entry' in r) entries.push(r.entry);
    else skipped.push(r.skipped);
  }
  return { entries, skipped };
}
