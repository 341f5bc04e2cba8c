import { randomBytes } from 'node:crypto';
import { SignJWT, jwtVerify, type JWTPayload } from 'jose';
import type { KeyRing } from './keys/key-ring';

export interface AccessTokenSubject {
  id: string;
  roles: readonly string[];
  scopes: readonly string[];
}

export interface AccessTokenOptions {
  issuer: string;
  audiences: readonly string[];
  ttlSeconds: number;
  keys: KeyRing;
  now: () => number;
}

export interface MintedAccessToken {
  token: string;
  expiresIn: number;
}

/** Claims of a token this service verified itself (Introspect, RotateKeys). */
export interface VerifiedAccessToken {
  payload: JWTPayload & { roles?: unknown; scope?: unknown };
}

export const ACCESS_TOKEN_TYP = 'at+jwt';
/** Tokens longer than this are rejected unparsed (same cap as jwt-interceptor's default). */
export const MAX_TOKEN_LENGTH = 8192;

/**
 * Signs and verifies access tokens (RFC 9068 profile: `typ: at+jwt`, kid = RFC 7638 thumbprint).
 * @example
 * const tokens = createAccessTokens({ issuer, audiences: ['order-service'], ttlSeconds: 900, keys, now: Date.now });
 * const { token } = await tokens.mint({ id: 'usr_alice', roles: ['customer'], scopes: [] });
 */
export function createAccessTokens(o: AccessTokenOptions) {
  return {
    async mint(subject: AccessTokenSubject): Promise<MintedAccessToken> {
      const key = o.keys.signingKey();
      const iat = Math.floor(o.now() / 1000);
      const claims: JWTPayload = { roles: [...subject.roles] };
      if (subject.scopes.length > 0) claims.scope = subject.scopes.join(' ');
      const token = await new SignJWT(claims)
        .setProtectedHeader({ alg: key.alg, typ: ACCESS_TOKEN_TYP, kid: key.kid })
        .setIssuer(o.issuer)
        .setSubject(subject.id)
        .setAudience([...o.audiences])
        .setIssuedAt(iat)
        .setNotBefore(iat)
        .setExpirationTime(iat + o.ttlSeconds)
        .setJti(randomBytes(16).toString('base64url'))
        .sign(key.privateKey);
      return { token, expiresIn: o.ttlSeconds };
    },

    /**
     * Verifies a token against the currently published keys, without any network round trip.
     * Returns undefined for anything invalid (the caller decides what that means).
     */
    async verify(token: string, audience?: string): Promise<VerifiedAccessToken | undefined> {
      if (token.length === 0 || token.length > MAX_TOKEN_LENGTH) return undefined;
      try {
        const { payload } = await jwtVerify(
          token,
          (header) => {
            const k = header.kid === undefined ? undefined : o.keys.publicKey(header.kid);
            if (!k || k.alg !== header.alg) throw new Error('unknown kid');
            return k.key;
          },
          {
            issuer: o.issuer,
            audience,
            algorithms: o.keys.algorithms(),
            typ: ACCESS_TOKEN_TYP,
            requiredClaims: ['sub', 'exp', 'iat'],
            currentDate: new Date(o.now()),
            clockTolerance: 30,
          },
        );
        return { payload };
      } catch {
        return undefined;
      }
    },
  };
}

export type AccessTokens = ReturnType<typeof createAccessTokens>;
