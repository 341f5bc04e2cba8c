// The ten attack groups of issue 3, each against a real grpc-js server on 127.0.0.1:0: every one
// ends UNAUTHENTICATED (group 10: INTERNAL), the handler never runs, the details hold no token
// text, and the same server still answers a valid call afterwards.
import * as grpc from '@grpc/grpc-js';
import {
  createTestKeys,
  encodeSegment,
  hmacToken,
  replaceSignature,
  signRawPayload,
  signTestToken,
  startJwksServer,
  TEST_AUDIENCE,
  TEST_ISSUER,
  unsignedToken,
  type JwksServer,
} from '../testing';
import {
  createAuthServerInterceptor,
  createStaticKeySet,
  type AuthServerInterceptor,
  type KeySet,
} from '../index';
import { rawGrpcCall } from '../test-support/raw-http2-call';
import {
  bearer,
  ECHO_PATH,
  EchoClient,
  startTestServer,
  unaryCall,
  type TestServer,
} from '../test-support/grpc-harness';

const keys = createTestKeys('ES256');
const attacker = createTestKeys('ES256');
const nowS = (): number => Math.floor(Date.now() / 1000);
const base = (): Record<string, unknown> => ({
  iss: TEST_ISSUER,
  aud: TEST_AUDIENCE,
  sub: 'usr_mallory',
  roles: ['admin'],
  iat: nowS(),
  exp: nowS() + 300,
});
const sign = (claims: Record<string, unknown>, header?: Record<string, unknown>): Promise<string> =>
  signTestToken({ sub: 'usr_mallory', roles: ['admin'], ...claims }, { keys, header });
const auth = (token: string): grpc.Metadata => bearer(`Bearer ${token}`);

let server: TestServer;
let client: grpc.Client;
let jku: JwksServer;
let interceptor: AuthServerInterceptor;

beforeAll(async () => {
  jku = await startJwksServer(attacker.jwks);
  interceptor = createAuthServerInterceptor({
    keys: createStaticKeySet({ jwks: keys.jwks, algorithms: ['ES256'] }),
    issuer: TEST_ISSUER,
    audience: TEST_AUDIENCE,
    algorithms: ['ES256'],
  });
  server = await startTestServer({ interceptors: [interceptor] });
  client = new EchoClient(server.address, grpc.credentials.createInsecure());
});

afterAll(async () => {
  client.close();
  await server.close();
  await jku.close();
});

/** [name, request metadata, the rejection reason the interceptor must count] */
type Case = [string, () => Promise<grpc.Metadata> | grpc.Metadata, string];

const groups: Record<string, Case[]> = {
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
      () => auth(hmacToken({ alg: 'HS256', typ: 'at+jwt', kid: keys.kid }, base(), keys.publicPem)),
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
        auth(await signTestToken(base(), { keys: attacker, header: { jwk: attacker.publicJwk } })),
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
      async () => auth(await signTestToken(base(), { keys: attacker, header: { jku: jku.url } })),
      'ERR_UNTRUSTED_KEY_HEADER',
    ],
    [
      'x5u',
      async () => auth(await signTestToken(base(), { keys: attacker, header: { x5u: jku.url } })),
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
      async () => auth(await sign({ iat: nowS() - 4000, nbf: nowS() - 4000, exp: nowS() - 3600 })),
      'ERR_JWT_EXPIRED',
    ],
    [
      'nbf beyond tolerance',
      async () => auth(await sign({ nbf: nowS() + 120, exp: nowS() + 600 })),
      'ERR_JWT_CLAIM_VALIDATION_FAILED',
    ],
    ['no exp', async () => auth(await sign({ exp: undefined })), 'ERR_JWT_CLAIM_VALIDATION_FAILED'],
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

const FIXED_DETAILS = ['missing bearer token', 'invalid token'];

describe.each(Object.entries(groups))('attack group %s', (_group, cases) => {
  it.each(cases)(
    '%s → UNAUTHENTICATED, handler not run, server still up',
    async (_name, build, reason) => {
      const md = await build();
      const counted = interceptor.stats().rejected[reason] ?? 0;
      const sent = md.get('authorization').join(' ');
      const before = server.calls;
      const { err } = await unaryCall(client, ECHO_PATH, { hello: 1 }, md);
      expect(err?.code).toBe(grpc.status.UNAUTHENTICATED);
      expect(FIXED_DETAILS).toContain(err?.details);
      for (const part of sent.split(/[ .]/).filter((p) => p.length >= 8))
        expect(err?.details).not.toContain(part);
      expect(server.calls).toBe(before);
      expect(interceptor.stats().rejected[reason]).toBe(counted + 1);
      const ok = await unaryCall(
        client,
        ECHO_PATH,
        {},
        auth(await signTestToken({ sub: 'usr_alice' }, { keys })),
      );
      expect(ok.err).toBeNull();
      expect(server.calls).toBe(before + 1);
    },
  );
});

it('group 1: two authorization values never reach a handler, over grpc-js or raw HTTP/2', async () => {
  const t = await sign({});
  const md = new grpc.Metadata();
  md.add('authorization', `Bearer ${t.slice(0, 40)}`);
  md.add('authorization', t.slice(40));
  const before = server.calls;
  const { err } = await unaryCall(client, ECHO_PATH, {}, md);
  expect(err?.code).not.toBe(grpc.status.OK); // refused by the grpc-js client itself
  expect(err?.details).not.toContain(t.slice(40, 60));
  const raw = await rawGrpcCall(server.address, ECHO_PATH, {
    authorization: [`Bearer ${t.slice(0, 40)}`, t.slice(40)],
  });
  expect(raw.grpcStatus).not.toBe(grpc.status.OK);
  expect(server.calls).toBe(before);
});

it('group 9: Bearer + 1 MiB of dots is refused by the HTTP/2 layer before any parsing', async () => {
  const rejectedBefore = interceptor.stats().rejected;
  const before = server.calls;
  const { err } = await unaryCall(
    client,
    ECHO_PATH,
    {},
    bearer(`Bearer ${'.'.repeat(1024 * 1024)}`),
  );
  // node's http2 server resets a header list over 64 KiB (grpc-js offers no option to raise it),
  // so the interceptor never sees it; our own 8 KiB cap is shown by the 20 KiB and 60 000 cases.
  expect(err?.code).not.toBe(grpc.status.OK);
  expect(err?.details).not.toContain('.....');
  expect(interceptor.stats().rejected).toEqual(rejectedBefore);
  expect(server.calls).toBe(before);
  const raw = await rawGrpcCall(server.address, ECHO_PATH, {
    authorization: `Bearer ${'.'.repeat(1024 * 1024)}`,
  });
  expect(raw.grpcStatus).toBeUndefined();
  const ok = await unaryCall(
    client,
    ECHO_PATH,
    {},
    auth(await signTestToken({ sub: 'usr_alice' }, { keys })),
  );
  expect(ok.err).toBeNull();
});

it('group 5: the jku server never received a request', () => {
  expect(jku.requests).toBe(0);
});

it('group 10: a verification step that throws synchronously ends the call INTERNAL, process lives', async () => {
  const throwing: KeySet = {
    ready: () => Promise.resolve(true),
    close: () => undefined,
    stats: () => ({ keys: 0, fetches: 0, fetchFailures: 0, loaded: true }),
    getKey: () => {
      throw new Error('boom in key lookup');
    },
  };
  const throwingAuth = createAuthServerInterceptor({
    keys: throwing,
    issuer: TEST_ISSUER,
    audience: TEST_AUDIENCE,
    algorithms: ['ES256'],
  });
  const broken = await startTestServer({ interceptors: [throwingAuth] });
  const c = new EchoClient(broken.address, grpc.credentials.createInsecure());
  try {
    const { err } = await unaryCall(c, ECHO_PATH, {}, auth(await sign({})));
    expect(err?.code).toBe(grpc.status.INTERNAL);
    expect(err?.details).toBe('internal error');
    expect(broken.calls).toBe(0);
    expect(throwingAuth.stats().internalErrors).toBe(1);
    const ok = await unaryCall(
      client,
      ECHO_PATH,
      {},
      auth(await signTestToken({ sub: 'usr_alice' }, { keys })),
    );
    expect(ok.err).toBeNull();
  } finally {
    c.close();
    await broken.close();
  }
});
