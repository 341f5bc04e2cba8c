import * as grpc from '@grpc/grpc-js';
import { createUserClient, loadMesh } from '@jwt-mesh/contracts';
import { captureLogger, startTestServer, unaryCall } from '../testing';
import type { RunningServer } from './start-grpc-server';

const { packageDefinition, grpcObject } = loadMesh();

/** A server whose GetMe waits until the test releases it; `started` resolves when it is running. */
async function serverWithSlowCall() {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  let markStarted!: () => void;
  const started = new Promise<void>((r) => (markStarted = r));
  const log = captureLogger('user-service');
  const running: RunningServer = await startTestServer({
    services: [
      {
        definition: grpcObject.mesh.user.v1.UserService.service,
        implementation: {
          GetMe: (_call: unknown, cb: grpc.sendUnaryData<unknown>) => {
            markStarted();
            void gate.then(() => cb(null, { id: 'finished' }));
          },
        },
      },
    ],
    packageDefinition,
    logger: log.logger,
  });
  return { running, release, started, log };
}

describe('RunningServer.shutdown', () => {
  it('drains an in-flight call: it completes OK while new calls are refused', async () => {
    const { running, release, started } = await serverWithSlowCall();
    const client = createUserClient(running.address);
    try {
      const inFlight = unaryCall(client, 'GetMe', {});
      await started;
      let stopped = false;
      const stopping = running.shutdown(10_000).then(() => (stopped = true));

      const late = createUserClient(running.address);
      const refused = await unaryCall(late, 'GetMe', {}, {}, { deadline: Date.now() + 2000 });
      late.close();
      expect(refused.code).toBe(grpc.status.UNAVAILABLE);
      expect(stopped).toBe(false);

      release();
      const out = await inFlight;
      expect(out.code).toBe(grpc.status.OK);
      expect(out.response).toMatchObject({ id: 'finished' });
      await stopping; // well before the 10 s grace period: drained, not forced
    } finally {
      release();
      client.close();
    }
  });

  it('forces the shutdown after the grace period when a call never finishes', async () => {
    const { running, release, started, log } = await serverWithSlowCall();
    const client = createUserClient(running.address);
    try {
      const inFlight = unaryCall(client, 'GetMe', {});
      await started;
      const t0 = Date.now();
      await running.shutdown(150);
      expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
      expect((await inFlight).code).not.toBe(grpc.status.OK);
      expect(
        log.lines().find((l) => l.msg === 'grace period over, cancelling remaining calls'),
      ).toMatchObject({
        level: 40,
        graceMs: 150,
      });
    } finally {
      release();
      client.close();
    }
  });
});
