import { createTestKeys } from '@jwt-mesh/jwt-interceptor/testing';
import { SignJWT } from 'jose';
import { randomBytes } from 'node:crypto';
import { median } from '../common/stats';
import { signCompact } from '../common/tokens';
import { ALGS } from './verify-micro';
import { opsPerSecond } from './timing';

export type SignResult = Record<string, { jose: number; floor: number }>;

/**
 * Scenario 4 (part): token signing per second per algorithm on one thread: jose SignJWT with
 * auth-service's claim set (what the service runs), and node:crypto sign of the same bytes (floor).
 */
export async function runSignMicro(ms: number, rounds: number): Promise<SignResult> {
  const fns: Record<string, { jose: () => Promise<string>; floor: () => string }> = {};
  for (const alg of ALGS) {
    const keys = createTestKeys(alg);
    const header = Buffer.from(JSON.stringify({ alg, typ: 'at+jwt', kid: keys.kid })).toString(
      'base64url',
    );
    const claims = () => {
      const iat = Math.floor(Date.now() / 1000);
      return {
        roles: ['customer'],
        iss: 'http://127.0.0.1:8080',
        sub: 'usr_alice',
        aud: ['order-service', 'user-service', 'auth-service'],
        iat,
        nbf: iat,
        exp: iat + 900,
        jti: randomBytes(16).toString('base64url'),
      };
    };
    fns[alg] = {
      jose: () => {
        const c = claims();
        return new SignJWT({ roles: c.roles })
          .setProtectedHeader({ alg, typ: 'at+jwt', kid: keys.kid })
          .setIssuer(c.iss)
          .setSubject(c.sub)
          .setAudience(c.aud)
          .setIssuedAt(c.iat)
          .setNotBefore(c.nbf)
          .setExpirationTime(c.exp)
          .setJti(c.jti)
          .sign(keys.privateKey);
      },
      floor: () => signCompact(header, claims(), alg, keys.privateKey),
    };
  }
  const s: Record<string, { jose: number[]; floor: number[] }> = {};
  for (const alg of ALGS) {
    s[alg] = { jose: [], floor: [] };
    await opsPerSecond(fns[alg]!.jose, 30);
    await opsPerSecond(fns[alg]!.floor, 30);
  }
  for (let r = 0; r < rounds; r++) {
    for (const alg of ALGS) {
      const pair = r % 2 ? (['floor', 'jose'] as const) : (['jose', 'floor'] as const);
      for (const k of pair) s[alg]![k].push(await opsPerSecond(fns[alg]![k], ms));
    }
  }
  return Object.fromEntries(
    ALGS.map((a) => [a, { jose: median(s[a]!.jose), floor: median(s[a]!.floor) }]),
  );
}
