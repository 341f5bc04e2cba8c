import * as grpc from '@grpc/grpc-js';
import { loadMesh, METHODS } from '@jwt-mesh/contracts';
import { createHmac } from 'node:crypto';
import type { RunningServer } from '../server/start-grpc-server';
import { captureLogger, closeServer, rawGrpcRequest, startTestServer } from '../testing';
import { scrubGrpcJsText } from './grpc-js-logger';
import { REDACTED } from './redaction';

const { packageDefinition, grpcObject } = loadMesh();

// A real HS256 JWT, minted here: service-kit must not depend on jwt-interceptor for its tests.
const b64url = (v: object | Buffer) =>
  (Buffer.isBuffer(v) ? v : Buffer.from(JSON.stringify(v))).toString('base64url');
const signing = `${b64url({ alg: 'HS256', typ: 'JWT' })}.${b64url({ sub: 'usr_alice', exp: 4102444800 })}`;
const token = `${signing}.${createHmac('sha256', 'k').update(signing).digest('base64url')}`;
const [tokenHeader, tokenPayload, tokenSignature] = token.split('.') as [string, string, string];

/** Stands in for jwt-interceptor: no usable `authorization` entry means UNAUTHENTICATED. */
const fakeAuth: grpc.ServerInterceptor = (_method, call) =>
  new grpc.ServerInterceptingCall(call, {
    start: (next) =>
      next({
        onReceiveMetadata: (metadata, mdNext) => {
          if (metadata.get('authorization').length > 0) mdNext(metadata);
          else
            call.sendStatus({ code: grpc.status.UNAUTHENTICATED, details: 'missing bearer token' });
        },
      }),
  });

let running: RunningServer;
let handled = 0;
let refusedSoFar = 0;
const log = captureLogger('user-service');

beforeAll(async () => {
  running = await startTestServer({
    services: [
      {
        definition: grpcObject.mesh.user.v1.UserService.service,
        implementation: {
          GetMe: (_c: unknown, cb: grpc.sendUnaryData<unknown>) => {
            handled += 1;
            cb(null, { id: 'usr_alice' });
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

describe('a bearer header with an illegal byte (grpc-js logs "Failed to add metadata entry")', () => {
  it.each([
    ['a non-breaking space', '\u00a0'],
    ['a tab', '\t'],
    ['a byte >= 0x80', '\u00ff'],
  ])('%s: the token reaches neither stderr nor the service log', async (_name, separator) => {
    const stderr: string[] = [];
    const consoleError = jest
      .spyOn(console, 'error')
      .mockImplementation((...args: unknown[]) => void stderr.push(args.map(String).join(' ')));
    const stderrWrite = jest
      .spyOn(process.stderr, 'write')
      .mockImplementation((chunk: string | Uint8Array) => stderr.push(String(chunk)) > 0);
    const before = handled;
    try {
      const out = await rawGrpcRequest({
        address: running.address,
        path: METHODS.user.GetMe,
        headers: { authorization: `Bearer${separator}${token}` },
        body: Buffer.from([0, 0, 0, 0, 0]),
      });
      // grpc-js drops the entry, so the call is unauthenticated, as it was before the fix
      expect(out.grpcStatus).toBe(grpc.status.UNAUTHENTICATED);
    } finally {
      consoleError.mockRestore();
      stderrWrite.mockRestore();
    }
    expect(handled).toBe(before);
    const everything = `${stderr.join('\n')}\n${log.text()}`;
    for (const part of [tokenHeader, tokenPayload, tokenSignature]) {
      expect(everything).not.toContain(part);
    }
    // routed through pino, at warn: any client can send this, so it must not page anyone
    const refused = log.lines().filter((l) => l.msg === 'grpc-js' && l.level === 40);
    expect(refused).toHaveLength(++refusedSoFar);
    expect(refused.at(-1)?.text).toBe(
      'Failed to add metadata entry authorization (value withheld)',
    );
  });
});

describe('scrubGrpcJsText', () => {
  it('keeps only the key of a metadata entry grpc-js refused', () => {
    const text = `Failed to add metadata entry authorization: Bearer\u00a0opaque-secret. Metadata string value "Bearer\u00a0opaque-secret" contains illegal characters. For more information see https://github.com/grpc/grpc-node/issues/1173`;
    expect(scrubGrpcJsText(text)).toBe(
      'Failed to add metadata entry authorization (value withheld)',
    );
  });

  it.each([
    [`received headers {"authorization":["Bearer ${token}"]}`, `Bearer ${REDACTED}`],
    [`x ${token} y`, `x ${REDACTED} y`],
    ['basic:dXNlcjpwYXNz trailing', `basic ${REDACTED} trailing`],
    [`bearer\u00ffopaque-secret,next`, `bearer ${REDACTED},next`],
  ])('redacts credentials anywhere (%#)', (text, expected) => {
    const scrubbed = scrubGrpcJsText(text);
    expect(scrubbed).toContain(expected);
    expect(scrubbed).not.toContain(tokenSignature);
    expect(scrubbed).not.toContain('opaque-secret');
    expect(scrubbed).not.toContain('dXNlcjpwYXNz');
  });

  it('leaves ordinary messages alone', () => {
    const text = 'WARNING Only 1 addresses added out of total 2 resolved: 127.0.0.1:50051';
    expect(scrubGrpcJsText(text)).toBe(text);
  });
});
