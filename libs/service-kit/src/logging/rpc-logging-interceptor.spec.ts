import * as grpc from '@grpc/grpc-js';
import { createUserClient, loadMesh, METHODS, type UserServiceClient } from '@jwt-mesh/contracts';
import type { RunningServer } from '../server/start-grpc-server';
import { captureLogger, closeServer, startTestServer, unaryCall } from '../testing';
import { getCallLogger, getRequestId } from './call-context';
import { REQUEST_ID_HEADER } from './request-id';

const { packageDefinition, grpcObject } = loadMesh();
const definition = grpcObject.mesh.user.v1.UserService.service;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Stands in for jwt-interceptor: a verified subject, kept per call by Metadata object. */
const subjects = new WeakMap<grpc.Metadata, string>();
const fakeAuth: grpc.ServerInterceptor = (_method, call) =>
  new grpc.ServerInterceptingCall(call, {
    start: (next) =>
      next({
        onReceiveMetadata: (metadata, mdNext) => {
          // async, like a real signature check
          setImmediate(() => {
            const token = metadata.get('authorization')[0];
            if (token === 'Bearer good') {
              subjects.set(metadata, 'usr_alice');
              mdNext(metadata);
            } else {
              // reject on the inner call: only interceptors nearer the wire see this status
              call.sendStatus({
                code: grpc.status.UNAUTHENTICATED,
                details: 'missing bearer token',
              });
            }
          });
        },
      }),
  });

const seen: { requestId: string; header: unknown }[] = [];
const handlers = {
  GetMe: (call: grpc.ServerUnaryCall<unknown, unknown>, cb: grpc.sendUnaryData<unknown>) => {
    seen.push({ requestId: getRequestId(call), header: call.metadata.get(REQUEST_ID_HEADER)[0] });
    getCallLogger(call).info({ step: 'handler' }, 'in handler');
    cb(null, { id: 'usr_alice', username: 'alice' });
  },
  GetUser: (
    call: grpc.ServerUnaryCall<{ user_id: string }, unknown>,
    cb: grpc.sendUnaryData<unknown>,
  ) => {
    const code = Number(call.request.user_id);
    cb({ code, details: 'as asked' });
  },
  ListUsers: () => {
    // never answers: the client's deadline ends it
  },
};

let running: RunningServer;
let client: UserServiceClient;
const log = captureLogger('user-service');

beforeAll(async () => {
  running = await startTestServer({
    service: 'user-service',
    services: [{ definition, implementation: handlers }],
    packageDefinition,
    logger: log.logger,
    interceptors: [fakeAuth],
    subjectOf: (md) => subjects.get(md),
  });
  client = createUserClient(running.address);
});
afterAll(async () => {
  client.close();
  await closeServer(running);
});
beforeEach(() => (seen.length = 0));

const good = { authorization: 'Bearer good' };
const finishedLine = (requestId: string) =>
  log.waitForLine((l) => l.msg === 'rpc finished' && l.requestId === requestId);

describe('request id', () => {
  it('generates one when absent, hands it to the handler and echoes it in the headers', async () => {
    const out = await unaryCall(client, 'GetMe', {}, good);
    expect(out.code).toBe(grpc.status.OK);
    const id = out.headers.get(REQUEST_ID_HEADER)[0] as string;
    expect(id).toMatch(UUID);
    expect(seen).toEqual([{ requestId: id, header: id }]);
  });

  it('keeps a valid id', async () => {
    const out = await unaryCall(
      client,
      'GetMe',
      {},
      { ...good, [REQUEST_ID_HEADER]: 'req-1.a:b_C' },
    );
    expect(out.headers.get(REQUEST_ID_HEADER)).toEqual(['req-1.a:b_C']);
    expect(seen[0]?.requestId).toBe('req-1.a:b_C');
  });

  it.each([
    ['bad characters', 'id with spaces'],
    ['too long', 'x'.repeat(129)],
    ['two values', ['a', 'b']],
  ])('replaces an invalid id (%s)', async (_why, value) => {
    const out = await unaryCall(client, 'GetMe', {}, { ...good, [REQUEST_ID_HEADER]: value });
    expect(out.headers.get(REQUEST_ID_HEADER)).toEqual([expect.stringMatching(UUID)]);
    expect(seen[0]?.header).toBe(out.headers.get(REQUEST_ID_HEADER)[0]);
  });

  it('puts the id in the trailers when an early error sends no headers', async () => {
    const out = await unaryCall(
      client,
      'GetUser',
      { user_id: '5' },
      { ...good, [REQUEST_ID_HEADER]: 'early' },
    );
    expect(out.code).toBe(grpc.status.NOT_FOUND);
    expect(out.trailers.get(REQUEST_ID_HEADER)).toEqual(['early']);
  });
});

describe('rpc finished line', () => {
  it('logs rpc, requestId, sub, code name, grpcCode and durationMs at info for OK', async () => {
    await unaryCall(client, 'GetMe', {}, { ...good, [REQUEST_ID_HEADER]: 'ok-1' });
    const line = await finishedLine('ok-1');
    expect(line).toEqual({
      level: 30,
      time: expect.any(String),
      service: 'user-service',
      rpc: METHODS.user.GetMe,
      requestId: 'ok-1',
      sub: 'usr_alice',
      code: 'OK',
      grpcCode: 0,
      durationMs: expect.any(Number),
      msg: 'rpc finished',
    });
    expect(
      log.lines().filter((l) => l.requestId === 'ok-1' && l.msg === 'rpc finished'),
    ).toHaveLength(1);
    // the handler's own line carries the same bindings
    expect(log.lines().find((l) => l.requestId === 'ok-1' && l.msg === 'in handler')).toMatchObject(
      {
        rpc: METHODS.user.GetMe,
        sub: 'usr_alice',
      },
    );
  });

  it.each([
    [grpc.status.NOT_FOUND, 'NOT_FOUND', 30],
    [grpc.status.PERMISSION_DENIED, 'PERMISSION_DENIED', 40],
    [grpc.status.FAILED_PRECONDITION, 'FAILED_PRECONDITION', 40],
    [grpc.status.INTERNAL, 'INTERNAL', 50],
    [grpc.status.UNIMPLEMENTED, 'UNIMPLEMENTED', 40],
  ])('logs code %i as %s at level %i', async (code, name, level) => {
    const requestId = `code-${code}`;
    await unaryCall(
      client,
      'GetUser',
      { user_id: String(code) },
      { ...good, [REQUEST_ID_HEADER]: requestId },
    );
    expect(await finishedLine(requestId)).toMatchObject({ code: name, grpcCode: code, level });
  });

  it('logs calls the auth interceptor rejects, with UNAUTHENTICATED and no sub', async () => {
    const out = await unaryCall(client, 'GetMe', {}, { [REQUEST_ID_HEADER]: 'rejected' });
    expect(out.code).toBe(grpc.status.UNAUTHENTICATED);
    expect(seen).toEqual([]); // the handler did not run
    expect(out.trailers.get(REQUEST_ID_HEADER)).toEqual(['rejected']);
    const line = await finishedLine('rejected');
    expect(line).toMatchObject({ code: 'UNAUTHENTICATED', grpcCode: 16, level: 30 });
    expect(line).not.toHaveProperty('sub');
  });

  it('logs DEADLINE_EXCEEDED at warn when the handler never answers', async () => {
    const out = await unaryCall(
      client,
      'ListUsers',
      {},
      { ...good, [REQUEST_ID_HEADER]: 'slow' },
      { deadline: Date.now() + 50 },
    );
    expect(out.code).toBe(grpc.status.DEADLINE_EXCEEDED);
    expect(await finishedLine('slow')).toMatchObject({ code: 'DEADLINE_EXCEEDED', level: 40 });
  });

  it('never logs metadata or messages', async () => {
    await unaryCall(
      client,
      'GetMe',
      {},
      { ...good, [REQUEST_ID_HEADER]: 'quiet', 'x-note': 'n0te' },
    );
    await finishedLine('quiet');
    expect(log.text()).not.toContain('n0te');
    expect(log.text()).not.toContain('Bearer good');
  });
});
