import * as grpc from '@grpc/grpc-js';
import { createUserClient, loadMesh } from '@jwt-mesh/contracts';
import { captureLogger, closeServer, startTestServer, unaryCall } from '../testing';
import { getCallLogger } from './call-context';
import { createLogger } from './create-logger';

const SECRET = 'eyJhbGciOiJFUzI1NiJ9.c2VjcmV0.s1gnature';

describe('createLogger', () => {
  it('writes JSON lines with service, ISO time and numeric level', () => {
    const { logger, lines } = captureLogger('order-service');
    logger.info({ orderId: 'o1' }, 'order created');
    expect(lines()).toEqual([
      {
        level: 30,
        time: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/),
        service: 'order-service',
        orderId: 'o1',
        msg: 'order created',
      },
    ]);
  });

  it('redacts authorization, tokens, passwords and secrets at any of three depths', () => {
    const { logger, text, lines } = captureLogger();
    logger.info({
      authorization: SECRET,
      password: SECRET,
      refresh_token: SECRET,
      headers: { authorization: SECRET, access_token: SECRET, 'proxy-authorization': SECRET },
      req: { body: { password: SECRET, secret: SECRET, token: SECRET } },
    });
    expect(text()).not.toContain(SECRET);
    expect(lines()[0]).toMatchObject({
      authorization: '[Redacted]',
      req: { body: { password: '[Redacted]' } },
    });
  });

  it("redacts inside arrays and deep objects, copying instead of changing the caller's object", () => {
    const { logger, text, lines } = captureLogger();
    const mine = {
      calls: [{ authorization: SECRET, rpc: 'a' }],
      deep: { a: { b: { c: { token: SECRET } } } },
      tooDeep: { a: { b: { c: { d: { e: { token: 'past the depth' } } } } } },
    };
    logger.info(mine, 'with arrays');
    expect(text()).not.toContain(SECRET);
    expect(lines()[0]).toMatchObject({ calls: [{ authorization: '[Redacted]', rpc: 'a' }] });
    expect(mine.calls[0]!.authorization).toBe(SECRET); // the caller's object is untouched
    expect(lines()[0]).toMatchObject({ deep: { a: { b: { c: { token: '[Redacted]' } } } } });
    // the walk is bounded: six levels down is left as it is
    expect(text()).toContain('past the depth');
  });

  it('serializes an Error under `error` like `err`: no metadata in clear, no stack', () => {
    const { logger, text, lines } = captureLogger();
    const md = new grpc.Metadata();
    md.set('authorization', `Bearer ${SECRET}`);
    logger.warn({ error: Object.assign(new Error('down'), { code: 14, metadata: md }) }, 'x');
    logger.warn({ err: Object.assign(new Error('own props'), { token: SECRET }) }, 'y');
    expect(text()).not.toContain(SECRET);
    expect(lines()[1]?.err).toMatchObject({ message: 'own props', token: '[Redacted]' });
    expect(lines()[0]?.error).toMatchObject({ type: 'Error', message: 'down', code: 14 });
    expect(lines()[0]?.error).not.toHaveProperty('stack');
  });

  it('serializes errors as err, without a stack or the metadata a ServiceError carries', () => {
    const { logger, lines, text } = captureLogger();
    const md = new grpc.Metadata();
    md.set('authorization', `Bearer ${SECRET}`);
    md.set('x-request-id', 'r1');
    logger.error(
      { err: Object.assign(new Error('boom'), { code: 14, metadata: md }) },
      'call failed',
    );
    expect(lines()[0]?.err).toMatchObject({
      type: 'Error',
      message: 'boom',
      metadata: { authorization: '[Redacted]', 'x-request-id': ['r1'] },
    });
    expect(lines()[0]?.err).not.toHaveProperty('stack');
    expect(text()).not.toContain(SECRET);
    expect(text()).not.toContain('create-logger.spec');
  });

  it('loads pino-pretty only for the pretty format', () => {
    expect(createLogger({ name: 'x', level: 'silent', format: 'pretty' }).level).toBe('silent');
    expect(() => createLogger({ name: '', level: 'info' })).toThrow(TypeError);
  });
});

describe('logs never contain an authorization value', () => {
  it('even when a handler logs the call metadata by mistake', async () => {
    const { packageDefinition, grpcObject } = loadMesh();
    const log = captureLogger('user-service');
    const running = await startTestServer({
      services: [
        {
          definition: grpcObject.mesh.user.v1.UserService.service,
          implementation: {
            GetMe: (
              call: grpc.ServerUnaryCall<unknown, unknown>,
              cb: grpc.sendUnaryData<unknown>,
            ) => {
              const l = getCallLogger(call);
              l.info({ metadata: call.metadata }, 'metadata instance');
              l.info(call.metadata, 'metadata as the object');
              l.info(call.metadata.getMap(), 'metadata map');
              l.info({ headers: call.metadata.getMap() }, 'nested map');
              l.info({ req: { headers: call.metadata.getMap() } }, 'deeper map');
              l.info({ md: call.metadata.toJSON() }, 'toJSON');
              cb(null, {});
            },
          },
        },
      ],
      packageDefinition,
      logger: log.logger,
    });
    const client = createUserClient(running.address);
    try {
      const out = await unaryCall(client, 'GetMe', {}, { authorization: `Bearer ${SECRET}` });
      expect(out.code).toBe(grpc.status.OK);
      await log.waitForLine((l) => l.msg === 'rpc finished');
      expect(log.lines().filter((l) => l.rpc)).toHaveLength(7);
      expect(log.text()).not.toContain(SECRET);
      expect(log.text()).toContain('[Redacted]');
      for (const line of log.lines().filter((l) => l.msg !== 'rpc finished' && l.rpc)) {
        expect(JSON.stringify(line)).toContain('[Redacted]');
      }
    } finally {
      client.close();
      await closeServer(running);
    }
  });
});
