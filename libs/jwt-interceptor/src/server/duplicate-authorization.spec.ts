// Interop: python grpcio (gRPC core) sends two `authorization` header fields, which node's clients
// refuse to do. Node's HTTP/2 server treats `authorization` as a single-value header and keeps only
// the first copy before grpc-js builds Metadata, so the interceptor (and the handler) see one value:
// the first. A proxy that checks another copy would authorize someone else (see README).
import * as grpc from '@grpc/grpc-js';
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { createAuthServerInterceptor, createStaticKeySet, findPrincipal } from '../index';
import { ECHO_PATH, startTestServer, type TestServer } from '../test-support/grpc-harness';
import { createTestKeys, signTestToken, TEST_AUDIENCE, TEST_ISSUER } from '../testing';

const PYTHON = '/usr/bin/python3';

function hasGrpcio(): boolean {
  try {
    execFileSync(PYTHON, ['-c', 'import grpc'], {
      stdio: 'ignore',
      timeout: 10_000,
      killSignal: 'SIGKILL',
    });
    return true;
  } catch {
    return false;
  }
}

const available = hasGrpcio();
if (!available && process.env.CI === 'true') {
  throw new Error(`grpcio is required in CI: apt-get install python3-grpcio (for ${PYTHON})`);
}
const itWithGrpcio = available ? it : it.skip;

const SCRIPT = `
import json, os, grpc
channel = grpc.insecure_channel(os.environ["ADDRESS"])
call = channel.unary_unary(os.environ["METHOD"], request_serializer=lambda b: b, response_deserializer=lambda b: b)
metadata = tuple(("authorization", v) for v in json.loads(os.environ["VALUES"]))
try:
    res = call(b"{}", metadata=metadata, timeout=5)
    print(json.dumps({"code": 0, "response": json.loads(res)}))
except grpc.RpcError as e:
    print(json.dumps({"code": e.code().value[0], "details": e.details()}))
`;

interface PyResult {
  code: number;
  details?: string;
  response?: { subject?: string; values?: string[] };
}

async function pyCall(values: string[]): Promise<PyResult> {
  const { stdout } = await promisify(execFile)(PYTHON, ['-c', SCRIPT], {
    env: { ADDRESS: server.address, METHOD: ECHO_PATH, VALUES: JSON.stringify(values) },
    timeout: 15_000,
    killSignal: 'SIGKILL',
  });
  return JSON.parse(stdout) as PyResult;
}

const keys = createTestKeys('ES256');
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({
    interceptors: [
      createAuthServerInterceptor({
        keys: createStaticKeySet({ jwks: keys.jwks, algorithms: ['ES256'] }),
        issuer: TEST_ISSUER,
        audience: TEST_AUDIENCE,
        algorithms: ['ES256'],
      }),
    ],
    handler: (call) => ({
      subject: findPrincipal(call)?.subject,
      values: call.metadata.get('authorization').map(String),
    }),
  });
});

afterAll(() => server?.close());

describe('two authorization values from python grpcio', () => {
  itWithGrpcio(
    'the server keeps only the first copy: a valid first token is accepted',
    async () => {
      const alice = `Bearer ${await signTestToken({ sub: 'usr_alice' }, { keys })}`;
      const admin = `Bearer ${await signTestToken({ sub: 'usr_admin', roles: ['admin'] }, { keys })}`;
      const before = server.calls;
      const res = await pyCall([alice, admin]);
      expect(res).toEqual({
        code: grpc.status.OK,
        response: { subject: 'usr_alice', values: [alice] },
      });
      expect(server.calls).toBe(before + 1);
    },
  );

  itWithGrpcio('a garbage first copy is refused even when the second is valid', async () => {
    const admin = `Bearer ${await signTestToken({ sub: 'usr_admin' }, { keys })}`;
    const before = server.calls;
    const res = await pyCall(['Bearer garbage', admin]);
    expect(res).toEqual({ code: grpc.status.UNAUTHENTICATED, details: 'invalid token' });
    expect(server.calls).toBe(before);
  });
});
