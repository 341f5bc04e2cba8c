// The attack table of issue 3 (groups 1-9), shared data for attacks.spec.ts. Each case builds the
// request metadata and names the rejection reason the interceptor must count for it.
import * as grpc from '@grpc/grpc-js';
import {
  encodeSegment,
  hmacToken,
  replaceSignature,
  signRawPayload,
  signTestToken,
  TEST_AUDIENCE,
  TEST_ISSUER,
  unsignedToken,
  type TestKeys,
} from '../testing';
import { bearer } from './grpc-harness';

/** [name, request metadata, the rejection reason the interceptor must count] */
export type Case = [string, () => Promise<grpc.Metadata> | grpc.Metadata, string];

/** Groups 1-9 for the mesh `keys`, signed by `attacker` where the attack needs a foreign key. */
export function attackGroups(
  keys: TestKeys,
  attacker: TestKeys,
  jkuUrl: () => string,
): Record<string, Case[]> {
  const nowS = (): number => Math.floor(Date.now() / 1000);
  const base = (): Record<string, unknown> => ({
    iss: TEST_ISSUER,
    aud: TEST_AUDIENCE,
    sub: 'usr_mallory',
    roles: ['admin'],
    iat: nowS(),
    exp: nowS() + 300,
  });
  const sign = (
    claims: Record<string, unknown>,
    header?: Record<string, unknown>,
  ): Promise<string> =>
    signTestToken({ sub: 'usr_mallory', roles: ['admin'], ...claims }, { keys, header });
  const auth = (token: string): grpc.Metadata => bearer(`Bearer ${token}`);
  return {
    '1 missing or malformed header': [
      ['no metadata', () => new grpc.Metadata(), 'ERR_NO_AUTHORIZATION'],
      ['Basic scheme', () => bearer('Basic dXNlcjpwYXNzd29yZA=='), 'ERR_SCHEME'],
      ['Bearer alone', () => bearer('Bearer'), 'ERR_SCHEME'],
      // The transport drops this value on the way (bearer.spec.ts covers it directly).
      ['Bearer and a space', () => bearer('Bearer '), 'ERR_NO_AUTHORIZATION'],
      ['garbage', () => bearer('Bearer !!not-a-token!!'), 'ERR_NOT_COMPACT_JWS'],
      ['garbage in three segments', () => bearer('Bearer abc.def.ghi'), 'ERR_JWS_INVALID'],
      // grpc-js and node's http2 client both refuse to send two `authorization` values (see the
      // tests below); what a merging proxy would forward is the comma-joined form.
      [
        'token split as "a, b"',
        async () => bearer(`Bearer ${(await sign({})).replace('.', ', .')}`),
        'ERR_NOT_COMPACT_JWS',
      ],
    ],
    '2 alg none': ['none', 'None', 'NONE', 'nOnE'].flatMap((alg): Case[] => [
      [
        `alg ${alg}, empty signature`,
        () => auth(unsignedToken({ alg, typ: 'at+jwt', kid: keys.kid }, base())),
        'ERR_NOT_COMPACT_JWS',
      ],
      [
        `alg ${alg}, junk signature`,
        () => auth(unsignedToken({ alg, typ: 'at+jwt', kid: keys.kid }, base(), 'AAAA')),
        'ERR_ALG_NOT_ALLOWED',
      ],
    ]),
    '3 HS256 with the public key as secret': [
      [
        'PEM as HMAC secret',
        () =>
          auth(hmacToken({ alg: 'HS256', typ: 'at+jwt', kid: keys.kid }, base(), keys.publicPem)),
        'ERR_ALG_NOT_ALLOWED',
      ],
      [
        'JWK JSON as HMAC secret',
        () =>
          auth(hmacToken({ alg: 'HS256', typ: 'at+jwt' }, base(), JSON.stringify(keys.publicJwk))),
        'ERR_ALG_NOT_ALLOWED',
      ],
    ],
    '4 zeroed signature': [
      [
        '64 zero bytes',
        async () => auth(replaceSignature(await sign({}), new Uint8Array(64))),
        'ERR_JWS_SIGNATURE_VERIFICATION_FAILED',
      ],
    ],
    '5 keys from the header': [
      [
        'attacker key as jwk',
        async () =>
          auth(
            await signTestToken(base(), { keys: attacker, header: { jwk: attacker.publicJwk } }),
          ),
        'ERR_UNTRUSTED_KEY_HEADER',
      ],
      [
        'attacker jwk with our kid',
        async () =>
          auth(
            await signTestToken(base(), {
              keys: attacker,
              header: { jwk: attacker.publicJwk, kid: keys.kid },
            }),
          ),
        'ERR_UNTRUSTED_KEY_HEADER',
      ],
      [
        'jku to a local server',
        async () =>
          auth(await signTestToken(base(), { keys: attacker, header: { jku: jkuUrl() } })),
        'ERR_UNTRUSTED_KEY_HEADER',
      ],
      [
        'x5u',
        async () =>
          auth(await signTestToken(base(), { keys: attacker, header: { x5u: jkuUrl() } })),
        'ERR_UNTRUSTED_KEY_HEADER',
      ],
    ],
    '6 hostile kid': [
      [
        'path traversal',
        async () => auth(await sign({}, { kid: '../../../../dev/null' })),
        'ERR_JWKS_NO_MATCHING_KEY',
      ],
      [
        'SQL injection',
        async () => auth(await sign({}, { kid: "' OR 1=1 --" })),
        'ERR_JWKS_NO_MATCHING_KEY',
      ],
      ['a number', async () => auth(await sign({}, { kid: 12345 })), 'ERR_INVALID_KID'],
    ],
    '7 time claims': [
      [
        'expired',
        async () =>
          auth(await sign({ iat: nowS() - 4000, nbf: nowS() - 4000, exp: nowS() - 3600 })),
        'ERR_JWT_EXPIRED',
      ],
      [
        'nbf beyond tolerance',
        async () => auth(await sign({ nbf: nowS() + 120, exp: nowS() + 600 })),
        'ERR_JWT_CLAIM_VALIDATION_FAILED',
      ],
      [
        'no exp',
        async () => auth(await sign({ exp: undefined })),
        'ERR_JWT_CLAIM_VALIDATION_FAILED',
      ],
      [
        'exp 1e400',
        async () =>
          auth(
            await signRawPayload(
              JSON.stringify({ ...base(), exp: 0 }).replace('"exp":0', '"exp":1e400'),
              { keys },
            ),
          ),
        'ERR_INVALID_NUMERIC_DATE',
      ],
      [
        'exp as a string',
        async () => auth(await sign({ exp: String(nowS() + 300) })),
        'ERR_JWT_CLAIM_VALIDATION_FAILED',
      ],
    ],
    '8 iss aud typ': [
      [
        'wrong iss',
        async () => auth(await sign({ iss: 'https://evil.test' })),
        'ERR_JWT_CLAIM_VALIDATION_FAILED',
      ],
      [
        'aud of another service',
        async () => auth(await sign({ aud: 'user-service' })),
        'ERR_JWT_CLAIM_VALIDATION_FAILED',
      ],
      ['aud []', async () => auth(await sign({ aud: [] })), 'ERR_JWT_CLAIM_VALIDATION_FAILED'],
      [
        'aud missing',
        async () => auth(await sign({ aud: undefined })),
        'ERR_JWT_CLAIM_VALIDATION_FAILED',
      ],
      ['typ JWT', async () => auth(await sign({}, { typ: 'JWT' })), 'ERR_TYP_MISMATCH'],
      ['typ missing', async () => auth(await sign({}, { typ: undefined })), 'ERR_TYP_MISMATCH'],
    ],
    '9 shape and size': [
      [
        '5-segment JWE',
        () => auth(`${encodeSegment({ alg: 'RSA-OAEP', enc: 'A256GCM' })}.AAAA.BBBB.CCCC.DDDD`),
        'ERR_NOT_COMPACT_JWS',
      ],
      // 60 000 dots: just under node's HTTP/2 header-list limit, so our own cap answers.
      ['60 000 dots', () => bearer(`Bearer ${'.'.repeat(60_000)}`), 'ERR_TOKEN_TOO_LONG'],
      [
        '20 KiB token',
        async () => auth(await sign({ pad: 'x'.repeat(20 * 1024) })),
        'ERR_TOKEN_TOO_LONG',
      ],
    ],
  };
}
