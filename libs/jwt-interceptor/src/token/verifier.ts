import { UnsecuredJWT, type JWTPayload } from 'jose';
import { AuthError, InvalidTokenError, reasonOf } from '../errors/auth-error';
import type { KeySet } from '../keys/key-set';
import { buildPrincipal, type Principal } from '../principal/principal';
import { checkHeader } from './header-checks';
import { checkLifetime, checkNumericDates } from './claims-checks';
import { verifyCompactSignature } from './signature';
import { VerifiedTokenCache } from './verified-cache';

/** The checked verification policy (see `createAuthServerInterceptor` for defaults). */
export interface VerifyPolicy {
  keys: KeySet;
  issuer: string | readonly string[];
  audience: string | readonly string[];
  algorithms: readonly string[];
  typ: string | false;
  clockToleranceSeconds: number;
  maxTokenLifetimeSeconds: number;
  subjectClaim: string;
  rolesClaim: string;
  cacheMax: number | false;
  now: () => Date;
}

/** What the verifier reports besides the principal, for counters. */
export interface VerifyOutcome {
  principal: Principal;
  cacheHit: boolean;
}

/**
 * Marks a failure that is not the token's fault (a key set or hook that threw something other
 * than an AuthError): the interceptor turns it into INTERNAL rather than UNAUTHENTICATED.
 */
export class VerifierBugError extends Error {
  constructor(readonly original: unknown) {
    super('verification failed unexpectedly');
  }
}

/**
 * One function from a length-checked compact JWS to a principal:
 * header checks → key by kid (our key set only) → signature (node:crypto, signature.ts) → claims
 * (jose's validateClaimsSet via UnsecuredJWT.decode) → our date, lifetime and subject checks →
 * principal. Errors: AuthError subclasses, or VerifierBugError.
 */
export function createVerifier(p: VerifyPolicy): (token: string) => Promise<VerifyOutcome> {
  const cache = p.cacheMax === false ? undefined : new VerifiedTokenCache(p.cacheMax);
  const toleranceMs = p.clockToleranceSeconds * 1000;

  return async (token) => {
    const now = p.now();
    const cached = cache?.get(token, now.getTime(), toleranceMs);
    if (cached) return { principal: cached, cacheHit: true };

    const header = checkHeader(token, p);
    let key;
    try {
      key = await p.keys.getKey({ alg: header.alg, kid: header.kid });
    } catch (err) {
      throw err instanceof AuthError ? err : new VerifierBugError(err);
    }
    if (!verifyCompactSignature(token, header.alg, key)) {
      throw new InvalidTokenError('ERR_JWS_SIGNATURE_VERIFICATION_FAILED');
    }
    let payload: JWTPayload;
    try {
      // The signature is verified above (node:crypto) and the header by checkHeader (alg, typ,
      // crit, kid). jose's claim validation (iss, aud, exp, nbf, iat, required claims) is reached
      // through UnsecuredJWT.decode on the same payload segment behind an `alg: none` header: the
      // same validateClaimsSet that jwtVerify runs, without jose's WebCrypto signature step.
      ({ payload } = UnsecuredJWT.decode(`${NONE_HEADER}.${payloadSegment(token)}.`, {
        issuer: p.issuer as string | string[],
        audience: p.audience as string | string[],
        clockTolerance: p.clockToleranceSeconds,
        currentDate: now,
        requiredClaims: ['exp'],
      }));
    } catch (err) {
      if (err instanceof AuthError || err instanceof VerifierBugError) throw err;
      // jose throws its own errors but also plain TypeError/DataError for some inputs: all of them
      // mean "this token is not acceptable".
      throw new InvalidTokenError(reasonOf(err));
    }
    checkNumericDates(payload);
    const nowS = now.getTime() / 1000;
    if (typeof payload.iat === 'number' && payload.iat > nowS + p.clockToleranceSeconds) {
      throw new InvalidTokenError('ERR_IAT_IN_FUTURE');
    }
    checkLifetime(payload, nowS, p.maxTokenLifetimeSeconds);
    const principal = buildPrincipal(payload, p);
    cache?.set(token, principal, payload.exp as number, payload.nbf);
    return { principal, cacheHit: false };
  };
}

const NONE_HEADER = Buffer.from('{"alg":"none"}').toString('base64url');

function payloadSegment(token: string): string {
  const first = token.indexOf('.');
  return token.slice(first + 1, token.indexOf('.', first + 1));
}
