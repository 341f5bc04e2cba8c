// A real two-hop chain: client → upstream (verifies, calls downstream with { parent: call }) →
// downstream (verifies the same token against its own audience and reports what arrived).
import * as grpc from '@grpc/grpc-js';
import {
  createAuthServerInterceptor,
  createStaticKeySet,
  getPrincipal,
  propagateTokenInterceptor,
} from '../index';
import { createTestKeys, signTestToken, TEST_ISSUER } from '../testing';
import {
  bearer,
  ECHO_PATH,
  EchoClient,
  jsonMethod,
  startTestServer,
  unaryCall,
  type TestServer,
} from '../test-support/grpc-harness';

const keys = createTestKeys();
const PUBLIC = '/test.v1.Echo/Public';
const auth = (audience: string, skip?: (p: string) => boolean): grpc.ServerInterceptor =>
  createAuthServerInterceptor({
    keys: createStaticKeySet({ jwks: keys.jwks, algorithms: ['ES256'] }),
    issuer: TEST_ISSUER,
    audience,
    algorithms: ['ES256'],
    skip,
  });

interface Seen {
  sub?: string;
  authorization?: unknown;
  requestId?: unknown;
  deadline?: number;
}

let downstream: TestServer;
let upstream: TestServer;
let client: grpc.Client;
let toDownstream: grpc.Client;
let downstreamCancelled: () => void = () => undefined;
let downstreamStarted: () => void = () => undefined;

beforeAll(async () => {
  downstream = await startTestServer({
    interceptors: [auth('user-service')],
    handler: (call) => {
      if ((call.request as { hang?: boolean }).hang) {
        downstreamStarted();
        return new Promise((resolve) => call.on('cancelled', () => resolve(downstreamCancelled())));
      }
      const d = call.getDeadline();
      const seen: Seen = {
        sub: getPrincipal(call).subject,
        authorization: call.metadata.get('authorization')[0],
        requestId: call.metadata.get('x-request-id')[0],
        deadline: d instanceof Date ? d.getTime() : d,
      };
      return seen;
    },
  });
  // The client-level interceptor: per-call `interceptors` would replace it.
  toDownstream = new EchoClient(downstream.address, grpc.credentials.createInsecure(), {
    interceptors: [propagateTokenInterceptor],
  });
  upstream = await startTestServer({
    interceptors: [auth('order-service', (p) => p === PUBLIC)],
    handler: async (call) => {
      const { err, res } = await unaryCall(
        toDownstream,
        ECHO_PATH,
        call.request,
        new grpc.Metadata(),
        {
          parent: call,
          deadline: Infinity,
        },
      );
      if (err) throw { grpcCode: err.code, publicMessage: err.details };
      return res;
    },
    extra: (s) =>
      s.addService(
        { Public: jsonMethod(PUBLIC) },
        {
          // An exempt method: its parent call carries no token, even if this code sets one.
          Public: (
            call: grpc.ServerUnaryCall<unknown, unknown>,
            cb: grpc.sendUnaryData<unknown>,
          ) => {
            void unaryCall(toDownstream, ECHO_PATH, {}, bearer('Bearer preset.token.here'), {
              parent: call,
            }).then(({ err }) => cb(null, { code: err?.code, details: err?.details }));
          },
        },
      ),
  });
  client = new EchoClient(upstream.address, grpc.credentials.createInsecure());
});

afterAll(async () => {
  client.close();
  toDownstream.close();
  await upstream.close();
  await downstream.close();
});

const token = (sub: string): Promise<string> =>
  signTestToken({ sub }, { keys, audience: ['order-service', 'user-service'] });

it('100 concurrent callers each see their own token arrive downstream', async () => {
  const tokens = await Promise.all(Array.from({ length: 100 }, (_, i) => token(`usr_${i}`)));
  const results = await Promise.all(
    tokens.map((t, i) => {
      const md = bearer(`Bearer ${t}`);
      md.set('x-request-id', `req-${i}`);
      return unaryCall(client, ECHO_PATH, { i }, md);
    }),
  );
  results.forEach(({ err, res }, i) => {
    expect(err).toBeNull();
    expect(res).toMatchObject({
      sub: `usr_${i}`,
      authorization: `Bearer ${tokens[i]}`,
      requestId: `req-${i}`,
    });
  });
});

it('carries the parent deadline downstream', async () => {
  const deadline = Date.now() + 3000;
  const { err, res } = await unaryCall(
    client,
    ECHO_PATH,
    {},
    bearer(`Bearer ${await token('usr_d')}`),
    { deadline },
  );
  expect(err).toBeNull();
  const seen = (res as Seen).deadline ?? Infinity;
  expect(Number.isFinite(seen)).toBe(true);
  expect(seen).toBeLessThanOrEqual(deadline + 50);
});

it('carries cancellation downstream', async () => {
  const started = new Promise<void>((r) => (downstreamStarted = r));
  const cancelled = new Promise<void>((r) => (downstreamCancelled = r));
  const md = bearer(`Bearer ${await token('usr_c')}`);
  const call = client.makeUnaryRequest(
    ECHO_PATH,
    (v: unknown) => Buffer.from(JSON.stringify(v)),
    (b: Buffer) => JSON.parse(b.toString()) as unknown,
    { hang: true },
    md,
    () => undefined,
  );
  await started;
  call.cancel();
  await cancelled; // the test times out if cancellation never reaches downstream
});

it('sends no token when the parent call had none', async () => {
  const { err, res } = await unaryCall(client, PUBLIC, {});
  expect(err).toBeNull();
  expect(res).toEqual({ code: grpc.status.UNAUTHENTICATED, details: 'missing bearer token' });
});
