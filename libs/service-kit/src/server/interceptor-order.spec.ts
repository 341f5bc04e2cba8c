import * as grpc from '@grpc/grpc-js';
import { createUserClient, loadMesh } from '@jwt-mesh/contracts';
import { unaryCall } from '../testing';

// Documents the grpc-js 1.14 behaviour startGrpcServer relies on: getServerInterceptingCall()
// reduces `interceptors` over the base call, so interceptors[0] wraps the wire-side call and the last
// one is nearest the handler. Incoming events run first-to-last, outgoing ones last-to-first, and a
// status an interceptor sends on its inner call (a rejection) is seen only by the ones before it.
describe('grpc-js server interceptor order', () => {
  it('runs interceptors[0] nearest the wire', async () => {
    const events: string[] = [];
    const probe =
      (name: string, reject = false): grpc.ServerInterceptor =>
      (_method, call) =>
        new grpc.ServerInterceptingCall(call, {
          start: (next) =>
            next({
              onReceiveMetadata: (md, mdNext) => {
                events.push(`${name}: metadata`);
                if (reject) call.sendStatus({ code: grpc.status.UNAUTHENTICATED, details: 'no' });
                else mdNext(md);
              },
            }),
          sendStatus: (status, next) => {
            events.push(`${name}: status ${status.code}`);
            next(status);
          },
        });
    const { grpcObject } = loadMesh();
    const server = new grpc.Server({
      interceptors: [probe('first'), probe('second'), probe('third', true)],
    });
    server.addService(grpcObject.mesh.user.v1.UserService.service, {
      GetMe: (_call: unknown, cb: grpc.sendUnaryData<unknown>) => cb(null, {}),
    });
    const port = await new Promise<number>((resolve, reject) =>
      server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (e, p) =>
        e ? reject(e) : resolve(p),
      ),
    );
    const client = createUserClient(`127.0.0.1:${port}`);
    try {
      const out = await unaryCall(client, 'GetMe', {});
      expect(out.code).toBe(grpc.status.UNAUTHENTICATED);
      expect(events).toEqual([
        'first: metadata',
        'second: metadata',
        'third: metadata',
        // third rejected on its inner call: its own responder is skipped, the others see the status
        'second: status 16',
        'first: status 16',
      ]);
    } finally {
      client.close();
      server.forceShutdown();
    }
  });
});
