import * as grpc from '@grpc/grpc-js';
import { createUserClient, loadMesh, METHODS, type UserServiceClient } from '@jwt-mesh/contracts';
import { gzipSync } from 'node:zlib';
import type { RunningServer } from '../server/start-grpc-server';
import { captureLogger, closeServer, rawGrpcRequest, startTestServer, unaryCall } from '../testing';
import { createRpcLoggingInterceptor } from './rpc-logging-interceptor';
import { REQUEST_ID_HEADER } from './request-id';

// Ends grpc-js decides itself, below every interceptor: the `rpc finished` line must say what the
// client got, not CANCELLED.
const { packageDefinition, grpcObject } = loadMesh();
const definition = grpcObject.mesh.user.v1.UserService.service;
let handled = 0;
const handlers = {
  GetMe: (_call: unknown, cb: grpc.sendUnaryData<unknown>) => {
    handled += 1;
    cb(null, { id: 'usr_alice' });
  },
  GetUser: () => {
    handled += 1; // never answers: the client cancels
  },
};

let running: RunningServer;
let client: UserServiceClient;
const log = captureLogger('user-service');
const finished = (requestId: string) =>
  log.waitForLine((l) => l.msg === 'rpc finished' && l.requestId === requestId);
const lengthPrefixed = (payload: Buffer, compressed: boolean) => {
  const prefix = Buffer.from([compressed ? 1 : 0, 0, 0, 0, 0]);
  prefix.writeUInt32BE(payload.length, 1);
  return Buffer.concat([prefix, payload]);
};

beforeAll(async () => {
  running = await startTestServer({
    services: [{ definition, implementation: handlers }],
    packageDefinition,
    logger: log.logger,
    maxReceiveMessageBytes: 64,
  });
  client = createUserClient(running.address);
});
afterAll(async () => {
  client.close();
  await closeServer(running);
});

it.each([
  [
    'a message over the size limit',
    'too-big',
    {},
    lengthPrefixed(Buffer.alloc(100), false),
    grpc.status.RESOURCE_EXHAUSTED,
  ],
  [
    'a malformed grpc-timeout header',
    'bad-timeout',
    { 'grpc-timeout': 'soon' },
    lengthPrefixed(Buffer.alloc(0), false),
    grpc.status.INTERNAL,
  ],
  [
    'a message that does not gunzip',
    'bad-gzip',
    { 'grpc-encoding': 'gzip' },
    lengthPrefixed(Buffer.from('not gzip at all'), true),
    grpc.status.INTERNAL,
  ],
  [
    'an unsupported grpc-encoding',
    'bad-encoding',
    { 'grpc-encoding': 'zstd-ish' },
    lengthPrefixed(gzipSync(Buffer.alloc(0)), true),
    grpc.status.UNIMPLEMENTED,
  ],
])('%s: logs the status grpc-js sent, at warn', async (_name, requestId, headers, body, code) => {
  const before = handled;
  const out = await rawGrpcRequest({
    address: running.address,
    path: METHODS.user.GetMe,
    headers: { [REQUEST_ID_HEADER]: requestId, ...headers },
    body,
  });
  expect(out.grpcStatus).toBe(code);
  expect(handled).toBe(before);
  // the client's input, not our bug: warn, so nobody can page us at will with bad requests
  expect(await finished(requestId)).toMatchObject({
    code: grpc.status[code],
    grpcCode: code,
    endedBy: 'grpc-js',
    level: 40,
  });
});

it('logs UNIMPLEMENTED at warn when the client sends no request message', async () => {
  const out = await rawGrpcRequest({
    address: running.address,
    path: METHODS.user.GetMe,
    headers: { [REQUEST_ID_HEADER]: 'no-message' },
  });
  expect(out.grpcStatus).toBe(grpc.status.UNIMPLEMENTED);
  expect(await finished('no-message')).toMatchObject({ code: 'UNIMPLEMENTED', level: 40 });
});

it('still logs CANCELLED when the client really cancels', async () => {
  const metadata = new grpc.Metadata();
  metadata.set(REQUEST_ID_HEADER, 'cancelled');
  const before = handled;
  const call = client.GetUser({ user_id: 'u1' }, metadata, () => undefined);
  await new Promise<void>((resolve) => {
    const poll = () => (handled > before ? resolve() : setImmediate(poll));
    poll();
  });
  call.cancel();
  const line = await finished('cancelled');
  expect(line).toMatchObject({ code: 'CANCELLED', level: 30 });
  expect(line).not.toHaveProperty('endedBy');
});

it('does not claim CANCELLED when it cannot see the wire (not first in the chain)', async () => {
  const inner = captureLogger('user-service');
  const passThrough: grpc.ServerInterceptor = (_m, call) => new grpc.ServerInterceptingCall(call);
  const second = await startTestServer({
    services: [{ definition, implementation: handlers }],
    packageDefinition,
    maxReceiveMessageBytes: 64,
    serverOptions: {},
    interceptors: [passThrough, createRpcLoggingInterceptor({ logger: inner.logger })],
  });
  try {
    const out = await rawGrpcRequest({
      address: second.address,
      path: METHODS.user.GetMe,
      headers: { [REQUEST_ID_HEADER]: 'unseen' },
      body: lengthPrefixed(Buffer.alloc(100), false),
    });
    expect(out.grpcStatus).toBe(grpc.status.RESOURCE_EXHAUSTED);
    const line = await inner.waitForLine((l) => l.requestId === 'unseen');
    expect(line).toMatchObject({ code: 'UNKNOWN_END', level: 40 });
    expect(line).not.toHaveProperty('grpcCode');
  } finally {
    await closeServer(second);
  }
});

it('a normal call is unaffected', async () => {
  const out = await unaryCall(client, 'GetMe', {}, { [REQUEST_ID_HEADER]: 'normal' });
  expect(out.code).toBe(grpc.status.OK);
  const line = await finished('normal');
  expect(line).toMatchObject({ code: 'OK', level: 30 });
  expect(line).not.toHaveProperty('endedBy');
});
