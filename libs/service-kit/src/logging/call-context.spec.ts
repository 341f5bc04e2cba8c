import * as grpc from '@grpc/grpc-js';
import { createUserClient, loadMesh } from '@jwt-mesh/contracts';
import type pino from 'pino';
import { captureLogger, closeServer, startTestServer, unaryCall } from '../testing';
import { getCallLogger, getRequestId } from './call-context';
import { REQUEST_ID_HEADER } from './request-id';

describe('without the logging interceptor', () => {
  it('getRequestId reads or generates an id once and writes it into the metadata', () => {
    const kept = { metadata: new grpc.Metadata() };
    kept.metadata.set(REQUEST_ID_HEADER, 'abc');
    expect(getRequestId(kept)).toBe('abc');

    const fresh = { metadata: new grpc.Metadata() };
    const id = getRequestId(fresh);
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(fresh.metadata.get(REQUEST_ID_HEADER)).toEqual([id]);
    expect(getRequestId(fresh)).toBe(id);
  });

  it('getCallLogger is a silent logger', () => {
    expect(getCallLogger({ metadata: new grpc.Metadata() }).level).toBe('silent');
  });
});

describe('the logging interceptor never throws into grpc-js', () => {
  it('serves the call when subjectOf and the logger itself throw', async () => {
    const { packageDefinition, grpcObject } = loadMesh();
    const { logger } = captureLogger();
    const broken = Object.create(logger) as pino.Logger;
    broken.child = () => {
      throw new Error('logger broken');
    };
    let handled = 0;
    const running = await startTestServer({
      services: [
        {
          definition: grpcObject.mesh.user.v1.UserService.service,
          implementation: {
            GetMe: (
              call: grpc.ServerUnaryCall<unknown, unknown>,
              cb: grpc.sendUnaryData<unknown>,
            ) => {
              handled++;
              getCallLogger(call).info('still fine');
              cb(null, {});
            },
            GetUser: (_call: unknown, cb: grpc.sendUnaryData<unknown>) =>
              cb({ code: grpc.status.NOT_FOUND, details: 'x' }),
          },
        },
      ],
      packageDefinition,
      logger: broken,
      subjectOf: () => {
        throw new Error('subjectOf broken');
      },
    });
    const client = createUserClient(running.address);
    try {
      expect((await unaryCall(client, 'GetMe', {})).code).toBe(grpc.status.OK);
      expect((await unaryCall(client, 'GetUser', { user_id: 'u' })).code).toBe(
        grpc.status.NOT_FOUND,
      );
      expect(handled).toBe(1);
    } finally {
      client.close();
      await closeServer(running);
    }
  });

  it('logs without sub when subjectOf throws', async () => {
    const { packageDefinition, grpcObject } = loadMesh();
    const log = captureLogger();
    const running = await startTestServer({
      services: [
        {
          definition: grpcObject.mesh.user.v1.UserService.service,
          implementation: { GetMe: (_c: unknown, cb: grpc.sendUnaryData<unknown>) => cb(null, {}) },
        },
      ],
      packageDefinition,
      logger: log.logger,
      subjectOf: () => {
        throw new Error('subjectOf broken');
      },
    });
    const client = createUserClient(running.address);
    try {
      await unaryCall(client, 'GetMe', {});
      const line = await log.waitForLine((l) => l.msg === 'rpc finished');
      expect(line).toMatchObject({ code: 'OK' });
      expect(line).not.toHaveProperty('sub');
    } finally {
      client.close();
      await closeServer(running);
    }
  });
});
