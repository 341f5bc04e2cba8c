import { createStaticKeySet } from '@jwt-mesh/jwt-interceptor';
import { createTestKeys, type TestKeys } from '@jwt-mesh/jwt-interceptor/testing';
import { createVerifier as createFastJwtVerifier } from 'fast-jwt';
import { jwtVerify } from 'jose';
import { randomBytes, verify as cryptoVerify } from 'node:crypto';
// Bench only: the lib's verifier is internal (the interceptor wraps it); measuring it directly
// separates verification from gRPC. These are the exact functions the interceptor calls.
import { checkAuthOptions } from '../../../libs/jwt-interceptor/src/server/auth-options';
import { createVerifier } from '../../../libs/jwt-interceptor/src/token/verifier';
import { median } from '../common/stats';
import { jwsParams, signCompact } from '../common/tokens';
import { opsPerSecond } from './timing';

export const ALGS = ['ES256', 'RS256', 'PS256', 'EdDSA'] as const;
export const VERIFY_VARIANTS = [
  'floor',
  'fast-jwt',
  'jose',
  'lib-uncached',
  'lib-cache-hit',
] as const;
export type VerifyVariant = (typeof VERIFY_VARIANTS)[number];

export const VERIFY_LABELS: Record<VerifyVariant, string> = {
  floor: 'node:crypto verify (floor)',
  'fast-jwt': 'fast-jwt 6 (sync, cache off)',
  jose: 'jose 6 jwtVerify',
  'lib-uncached': 'jwt-interceptor verifier, cache off',
  'lib-cache-hit': 'jwt-interceptor verifier, cache hit',
};

const ISSUER = 'http://127.0.0.1:8080';
const AUDIENCE = 'order-service';

/** A token shaped like auth-service's (same claims), signed with `keys`. */
export function authLikeToken(keys: TestKeys): string {
  const header = Buffer.from(
    JSON.stringify({ alg: keys.alg, typ: 'at+jwt', kid: keys.kid }),
  ).toString('base64url');
  const iat = Math.floor(Date.now() / 1000);
  return signCompact(
    header,
    {
      roles: ['customer'],
      iss: ISSUER,
      sub: 'usr_alice',
      aud: ['order-service', 'user-service', 'auth-service'],
      iat,
      nbf: iat,
      exp: iat + 900,
      jti: randomBytes(16).toString('base64url'),
    },
    keys.alg,
    keys.privateKey,
  );
}

function variantsFor(alg: string): Record<VerifyVariant, () => unknown> {
  const keys = createTestKeys(alg);
  const token = authLikeToken(keys);
  const { digest, opts } = jwsParams(alg);
  const dot = token.lastIndexOf('.');
  const floor = () => {
    const input = Buffer.from(token.slice(0, dot));
    const sig = Buffer.from(token.slice(dot + 1), 'base64url');
    if (!cryptoVerify(digest, input, { key: keys.publicKey, ...opts } as never, sig))
      throw new Error('floor: bad signature');
  };
  const fast = createFastJwtVerifier({
    key: keys.publicPem,
    algorithms: [alg as 'ES256'],
    allowedIss: ISSUER,
    allowedAud: AUDIENCE,
    requiredClaims: ['exp'],
    cache: false,
  });
  const lib = (cache: boolean) =>
    createVerifier(
      checkAuthOptions({
        keys: createStaticKeySet({ jwks: keys.jwks, algorithms: [alg] }),
        issuer: ISSUER,
        audience: AUDIENCE,
        algorithms: [alg],
        cache: cache ? { max: 10_000 } : false,
      }),
    );
  const uncached = lib(false);
  const cached = lib(true);
  return {
    floor,
    'fast-jwt': () => fast(token),
    jose: () =>
      jwtVerify(token, keys.publicKey, {
        algorithms: [alg],
        issuer: ISSUER,
        audience: AUDIENCE,
        typ: 'at+jwt',
        requiredClaims: ['exp'],
      }),
    'lib-uncached': () => uncached(token),
    'lib-cache-hit': () => cached(token),
  };
}

export type VerifyResult = Record<
  string,
  Record<VerifyVariant, { opsPerSecond: number; usPerOp: number; vsFloor: number }>
>;

/** Scenario 1: every variant of every algorithm once per round, rounds interleaved; medians. */
export async function runVerifyMicro(ms: number, rounds: number): Promise<VerifyResult> {
  const fns = Object.fromEntries(ALGS.map((a) => [a, variantsFor(a)])) as Record<
    string,
    Record<VerifyVariant, () => unknown>
  >;
  const samples: Record<string, Record<string, number[]>> = {};
  for (const a of ALGS) {
    samples[a] = {};
    for (const v of VERIFY_VARIANTS) {
      samples[a][v] = [];
      await opsPerSecond(fns[a]![v], 50); // warm up (and prove it works) before any measurement
    }
  }
  for (let r = 0; r < rounds; r++) {
    for (const a of ALGS) {
      const order = VERIFY_VARIANTS.map(
        (_, i) => VERIFY_VARIANTS[(i + r) % VERIFY_VARIANTS.length]!,
      );
      for (const v of order) samples[a]![v]!.push(await opsPerSecond(fns[a]![v], ms));
    }
  }
  const out: VerifyResult = {};
  for (const a of ALGS) {
    const floor = median(samples[a]!.floor!);
    out[a] = {} as VerifyResult[string];
    for (const v of VERIFY_VARIANTS) {
      const ops = median(samples[a]![v]!);
      out[a]![v] = { opsPerSecond: ops, usPerOp: 1e6 / ops, vsFloor: ops / floor };
    }
  }
  return out;
}
