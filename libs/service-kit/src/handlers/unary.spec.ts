import * as grpc from '@grpc/grpc-js';
import { createUserClient, loadMesh, type UserServiceHandlers } from '@jwt-mesh/contracts';
import type { ServiceBinding } from '../server/start-grpc-server';
import { captureLogger, closeServer, startTestServer, unaryCall } from '../testing';
import { tolerateMalformedRequests } from './malformed-request';
import { RpcError } from './rpc-error';
import { unary } from './unary';

type Call = grpc.ServerUnaryCall<unknown, unknown>;
const fakeCall = () => ({ metadata: new grpc.Metadata() }) as Call;

/** Runs a wrapped handler against a fake call; resolves with every callback invocation. */
function run(handler: grpc.handleUnaryCall<unknown, unknown>) {
  const calls: unknown[][] = [];
  return new Promise<unknown[][]>((resolve) => {
    handler(fakeCall(), (...args: unknown[]) => {
      calls.push(args);
      // give a buggy wrapper the chance to call back twice before we look
      setImmediate(() => resolve(calls));
    });
  });
}

class OrderNotFound extends RpcError {
  readonly code = 'ERR_ORDER_NOT_FOUND';
  constructor(id: string) {
    super(grpc.status.NOT_FOUND, `order ${id} not found`);
  }
}

class StoreError extends Error {
  readonly code = 'ERR_STORE_BUSY';
}
const toStatus = (err: unknown) =>
  err instanceof StoreError ? { code: grpc.status.UNAVAILABLE, details: 'store busy' } : undefined;

describe('unary', () => {
  it('answers with the value', async () => {
    expect(await run(unary(async () => ({ id: 'o1' })))).toEqual([[null, { id: 'o1' }]]);
  });

  it('answers INVALID_ARGUMENT "malformed request" for a request that did not decode; fn never runs', async () => {
    const { definition } = tolerateMalformedRequests(
      loadMesh().grpcObject.mesh.order.v1.OrderService.service,
      {},
    );
    const request = definition.CreateOrder!.requestDeserialize(Buffer.from([0x0f]));
    const fn = jest.fn(() => ({ id: 'o1' }));
    const calls: unknown[][] = [];
    await new Promise<void>((resolve) => {
      unary(fn)({ ...fakeCall(), request } as Call, (...args: unknown[]) => {
        calls.push(args);
        setImmediate(resolve);
      });
    });
    expect(calls).toEqual([[{ code: grpc.status.INVALID_ARGUMENT, details: 'malformed request' }]]);
    expect(fn).not.toHaveBeenCalled();
  });

  it('sends RpcError subclasses and RpcError-shaped errors as { code, details }', async () => {
    const [[sub]] = (await run(unary(async () => Promise.reject(new OrderNotFound('o9'))))) as [
      [object],
    ];
    expect(sub).toEqual({ code: grpc.status.NOT_FOUND, details: 'order o9 not found' });
    expect(sub).not.toBeInstanceOf(Error);
    const authLike = Object.assign(new Error('jose: JWTExpired at 12:00 for kid abc'), {
      grpcCode: grpc.status.UNAUTHENTICATED,
      publicMessage: 'invalid token',
      code: 'ERR_INVALID_TOKEN',
    });
    expect(await run(unary(() => Promise.reject(authLike)))).toEqual([
      [{ code: grpc.status.UNAUTHENTICATED, details: 'invalid token' }],
    ]);
  });

  it('maps other errors with toStatus', async () => {
    expect(
      await run(unary(() => Promise.reject(new StoreError('SQLITE_BUSY at /data/x.db')), toStatus)),
    ).toEqual([[{ code: grpc.status.UNAVAILABLE, details: 'store busy' }]]);
  });

  it.each([
    ['an unknown error', () => Promise.reject(new Error('password=hunter2 at db'))],
    [
      'a synchronous throw',
      () => {
        throw new Error('password=hunter2 at db');
      },
    ],
    ['a non-Error rejection', () => Promise.reject('password=hunter2')],
    ['an OK grpcCode', () => Promise.reject({ grpcCode: 0, publicMessage: 'password=hunter2' })],
    ['a missing response', async () => undefined],
  ])('answers INTERNAL "internal error" for %s, exactly once', async (_what, fn) => {
    expect(await run(unary(fn as () => Promise<unknown>, toStatus))).toEqual([
      [{ code: grpc.status.INTERNAL, details: 'internal error' }],
    ]);
  });

  it('survives a toStatus that throws', async () => {
    const throwing = () => {
      throw new Error('bad mapper');
    };
    expect(await run(unary(() => Promise.reject(new Error('x')), throwing))).toEqual([
      [{ code: grpc.status.INTERNAL, details: 'internal error' }],
    ]);
  });

  it('takes its request and response types from the generated handler interface', () => {
    // compile-time: `call.request.user_id` only type-checks if Req is inferred from the context
    const handlers: UserServiceHandlers = {
      GetMe: unary(async () => ({ id: 'usr_alice' })),
      GetUser: unary(async (call) => ({ id: call.request.user_id })),
      ListUsers: unary(async (call) => ({ users: [], next_page_token: call.request.page_token })),
    };
    const binding: ServiceBinding = {
      definition: loadMesh().grpcObject.mesh.user.v1.UserService.service,
      implementation: handlers,
    };
    expect(Object.keys(binding.implementation)).toEqual(['GetMe', 'GetUser', 'ListUsers']);
  });

  it('never leaks a raw message to the client and logs the error with the call logger', async () => {
    const { packageDefinition, grpcObject } = loadMesh();
    const log = captureLogger('user-service');
    const running = await startTestServer({
      services: [
        {
          definition: grpcObject.mesh.user.v1.UserService.service,
          implementation: {
            GetMe: unary(async () => {
              throw new Error('connect ECONNREFUSED 10.0.0.7:5432 password=hunter2');
            }),
            GetUser: unary(async (call: grpc.ServerUnaryCall<{ user_id: string }, unknown>) => {
              throw new OrderNotFound(call.request.user_id);
            }),
          },
        },
      ],
      packageDefinition,
      logger: log.logger,
    });
    const client = createUserClient(running.address);
    try {
      const internal = await unaryCall(client, 'GetMe', {}, { 'x-request-id': 'leak-check' });
      expect(internal).toMatchObject({ code: grpc.status.INTERNAL, details: 'internal error' });
      expect(JSON.stringify(internal.trailers.toJSON())).not.toContain('hunter2');
      expect(log.lines().find((l) => l.msg === 'unhandled error')).toMatchObject({
        level: 50,
        requestId: 'leak-check',
        err: { message: expect.stringContaining('ECONNREFUSED') },
      });
      const notFound = await unaryCall(client, 'GetUser', { user_id: 'o7' });
      expect(notFound).toMatchObject({
        code: grpc.status.NOT_FOUND,
        details: 'order o7 not found',
      });
    } finally {
      client.close();
      await closeServer(running);
    }
  });
});
