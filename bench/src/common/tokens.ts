import { createPrivateKey, randomBytes, sign, type KeyObject } from 'node:crypto';

/** What a token minted by the auth service looks like, to make more of the same offline. */
export interface TokenTemplate {
  /** The protected header segment exactly as the auth service encoded it (alg, typ, kid). */
  headerB64: string;
  alg: string;
  /** The decoded claims of a real login token; iat, nbf, exp and jti are replaced per token. */
  claims: Record<string, unknown>;
  ttlSeconds: number;
  /** PKCS#8 PEM of the auth service's signing key (the bench supplies it via SIGNING_KEY_FILE). */
  privateKeyPem: string;
}

/** node:crypto parameters of a JWS algorithm (RFC 7518): what both signing and verifying need. */
export function jwsParams(alg: string): { digest: string | null; opts: object } {
  switch (alg) {
    case 'ES256':
      return { digest: 'sha256', opts: { dsaEncoding: 'ieee-p1363' } };
    case 'RS256':
      return { digest: 'sha256', opts: {} };
    case 'PS256':
      return { digest: 'sha256', opts: { padding: 6, saltLength: 32 } }; // RSA_PKCS1_PSS_PADDING
    case 'EdDSA':
      return { digest: null, opts: {} };
    default:
      throw new TypeError(`alg: ${alg} is not handled by the bench`);
  }
}

/** Signs a compact JWS with node:crypto directly (synchronous; the fastest way to make many). */
export function signCompact(
  headerB64: string,
  payload: object,
  alg: string,
  key: KeyObject,
): string {
  const input = `${headerB64}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
  const { digest, opts } = jwsParams(alg);
  const sig = sign(digest, Buffer.from(input), { key, ...opts } as Parameters<typeof sign>[2]);
  return `${input}.${sig.toString('base64url')}`;
}

/**
 * Makes tokens indistinguishable in form from the auth service's own (same key, header and claims;
 * fresh jti and times), so the load generator can hand out a never-seen token per call without
 * making the auth service's login path (scrypt) part of the measurement.
 */
export function createTokenMinter(t: TokenTemplate): () => string {
  const key = createPrivateKey(t.privateKeyPem);
  return () => {
    const iat = Math.floor(Date.now() / 1000);
    const claims = {
      ...t.claims,
      iat,
      nbf: iat,
      exp: iat + t.ttlSeconds,
      jti: randomBytes(16).toString('base64url'),
    };
    return signCompact(t.headerB64, claims, t.alg, key);
  };
}

/** Decodes a compact JWS's header segment and claims (no verification: our own token). */
export function decodeToken(token: string): {
  headerB64: string;
  header: Record<string, unknown>;
  claims: Record<string, unknown>;
} {
  const [h, p] = token.split('.');
  return {
    headerB64: h!,
    header: JSON.parse(Buffer.from(h!, 'base64url').toString('utf8')) as Record<string, unknown>,
    claims: JSON.parse(Buffer.from(p!, 'base64url').toString('utf8')) as Record<string, unknown>,
  };
}
