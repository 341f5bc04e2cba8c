import * as grpc from '@grpc/grpc-js';
import {
  createAuthServerInterceptor,
  createBearerTokenInterceptor,
  createStaticKeySet,
} from '../index';
import { createTestKeys, signTestToken, TEST_AUDIENCE, TEST_ISSUER } from '../testing';
import {
  ECHO_PATH,
  EchoClient,
  startTestServer,
  unaryCall,
  type TestServer,
} from '../test-support/grpc-harness';

const keys = createTestKeys();
let server: TestServer;

beforeAll(async () => {
  const auth = createAuthServerInterceptor({
    keys: createStaticKeySet({ jwks: keys.jwks, algorithms: ['ES256'] }),
    issuer: TEST_ISSUER,
    audience: TEST_AUDIENCE,
    algorithms: ['ES256'],
  });
  server = await startTestServer({ interceptors: [auth] });
});
afterAll(() => server.close());

const clientWith = (getToken: () => string | Promise<string>): grpc.Client =>
  new EchoClient(server.address, grpc.credentials.createInsecure(), {
    interceptors: [createBearerTokenInterceptor(getToken)],
  });

it('attaches the token from a sync or async function', async () => {
  const token = await signTestToken({ sub: 'usr_cli' }, { keys });
  for (const getToken of [() => token, () => Promise.resolve(token)]) {
    const c = clientWith(getToken);
    const { err, res } = await unaryCall(c, ECHO_PATH, {});
    c.close();
    expect(err).toBeNull();
    expect(res).toMatchObject({ subject: 'usr_cli' });
  }
});

it.each([
  [
    'throws',
    () => {
      throw new Error('no session');
    },
  ],
  ['rejects', () => Promise.reject(new Error('refresh failed'))],
  ['returns a value with a newline', () => 'abc\r\nx-admin: 1'],
  ['returns an empty string', () => ''],
])(
  'fails locally with UNAUTHENTICATED when getToken %s, and sends nothing',
  async (_name, getToken) => {
    const before = server.calls;
    const c = clientWith(getToken as () => string);
    const { err } = await unaryCall(c, ECHO_PATH, {});
    c.close();
    expect(err?.code).toBe(grpc.status.UNAUTHENTICATED);
    expect(err?.details).toBe('could not obtain bearer token');
    expect(server.calls).toBe(before);
  },
);

it('refuses a getToken that is not a function', () => {
  expect(() => createBearerTokenInterceptor('token' as unknown as () => string)).toThrow(
    /^getToken:/,
  );
});
