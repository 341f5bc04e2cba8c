import * as grpc from '@grpc/grpc-js';
import { createOrderClient, loadMesh, METHODS } from '@jwt-mesh/contracts';
import { createHash } from 'node:crypto';
import { REQUEST_ID_HEADER } from '../logging/request-id';
import type { RunningServer } from '../server/start-grpc-server';
import {
  captureLogger,
  closeServer,
  grpcFrame,
  rawGrpcRequest,
  startTestServer,
  unaryCall,
} from '../testing';
import { unary } from './unary';

const { packageDefinition, grpcObject } = loadMesh();
const definition = grpcObject.mesh.order.v1.OrderService.service;
const decode = definition.CreateOrder!.requestDeserialize;
const throwsOnDecode = (bytes: Buffer) => {
  try {
    decode(bytes);
    return false;
  } catch {
    return true;
  }
};

// Deterministic "random" bytes: the first SHA-256 digests that protobufjs refuses to decode.
const randomMalformed = Array.from({ length: 200 }, (_, i) =>
  createHash('sha256').update(`seed-${i}`).digest(),
)
  .filter(throwsOnDecode)
  .slice(0, 3);

const MALFORMED: [string, Buffer][] = [
  ['a lone 0x0f', Buffer.from([0x0f])],
  ['a truncated length-delimited field', Buffer.from([0x0a, 0x05, 0x01])],
  ['a truncated varint', Buffer.from([0x10, 0x80])],
  ['items with wire type 5', Buffer.from([0x0d, 0, 0, 0, 0])],
  ['items with wire type 0', Buffer.from([0x08, 0x01])],
  ['a group start', Buffer.from([0x0b])],
  ...randomMalformed.map((b, i): [string, Buffer] => [`random bytes #${i}`, b]),
];

const good = { authorization: 'Bearer good' };
/** Stands in for jwt-interceptor: only `Bearer good` passes. */
const fakeAuth: grpc.ServerInterceptor = (_method, call) =>
  new grpc.ServerInterceptingCall(call, {
    start: (next) =>
      next({
        onReceiveMetadata: (metadata, mdNext) => {
          if (metadata.get('authorization')[0] === good.authorization) mdNext(metadata);
          else
            call.sendStatus({ code: grpc.status.UNAUTHENTICATED, details: 'missing bearer token' });
        },
      }),
  });

let running: RunningServer;
let handled = 0;
const log = captureLogger('order-service');

beforeAll(async () => {
  expect(randomMalformed).toHaveLength(3);
  running = await startTestServer({
    services: [
      {
        definition,
        implementation: {
          CreateOrder: unary(() => {
            handled += 1;
            return { id: 'ord_1' };
          }),
          // registered without unary(): startGrpcServer still keeps the marker away from it
          GetOrder: (_call: unknown, cb: grpc.sendUnaryData<unknown>) => {
            handled += 1;
            cb(null, { id: 'ord_1' });
          },
        },
      },
    ],
    packageDefinition,
    logger: log.logger,
    interceptors: [fakeAuth],
  });
});
afterAll(() => closeServer(running));

describe('undecodable request bytes', () => {
  it.each(MALFORMED)(
    '%s: INVALID_ARGUMENT "malformed request", handler not run, logged as such',
    async (name, bytes) => {
      const before = handled;
      const requestId = `malformed-${name.replace(/[^a-z0-9]+/gi, '-')}`;
      const out = await rawGrpcRequest({
        address: running.address,
        path: METHODS.order.CreateOrder,
        headers: { ...good, [REQUEST_ID_HEADER]: requestId },
        body: grpcFrame(bytes),
      });
      expect(out).toMatchObject({
        grpcStatus: grpc.status.INVALID_ARGUMENT,
        grpcMessage: 'malformed request',
      });
      expect(handled).toBe(before);
      const line = await log.waitForLine(
        (l) => l.msg === 'rpc finished' && l.requestId === requestId,
      );
      expect(line).toMatchObject({ code: 'INVALID_ARGUMENT', level: 30 });
    },
  );

  it('also for a handler registered without unary()', async () => {
    const before = handled;
    const out = await rawGrpcRequest({
      address: running.address,
      path: METHODS.order.GetOrder,
      headers: good,
      body: grpcFrame(Buffer.from([0x0f])),
    });
    expect(out.grpcStatus).toBe(grpc.status.INVALID_ARGUMENT);
    expect(handled).toBe(before);
  });

  it('auth still runs first: no token gets UNAUTHENTICATED', async () => {
    const before = handled;
    const out = await rawGrpcRequest({
      address: running.address,
      path: METHODS.order.CreateOrder,
      body: grpcFrame(Buffer.from([0x0f])),
    });
    expect(out.grpcStatus).toBe(grpc.status.UNAUTHENTICATED);
    expect(handled).toBe(before);
  });

  it('a well-formed request still reaches the handler', async () => {
    const client = createOrderClient(running.address);
    try {
      const before = handled;
      const out = await unaryCall(client, 'CreateOrder', { items: [] }, good);
      expect(out.code).toBe(grpc.status.OK);
      expect(handled).toBe(before + 1);
    } finally {
      client.close();
    }
  });
});
