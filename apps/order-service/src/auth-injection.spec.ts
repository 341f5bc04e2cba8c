// The optional `authInterceptor` dependency exists for the benchmark's baselines only. Without it,
// the server must build its own verifying interceptor and refuse calls that carry no token.
import * as grpc from '@grpc/grpc-js';
import { createOrderClient } from '@jwt-mesh/contracts';
import { captureLogger, closeServer, unaryCall } from '@jwt-mesh/service-kit/testing';
import { createUserServiceClient } from './clients/user-directory';
import { createOrderServer } from './server';
import { openOrderStore } from './store/order-store';
import { ISSUER, countingStore, item, keySet, startOrderService } from './testing/harness';

it('without an injected interceptor, rejects calls without a token before any handler runs', async () => {
  const h = await startOrderService({});
  try {
    for (const [method, req] of [
      ['GetOrder', { order_id: 'o-1' }],
      ['ListOrders', {}],
      ['CreateOrder', { items: [item()] }],
      ['CancelOrder', { order_id: 'o-1' }],
    ] as const) {
      expect((await h.call(method, req)).code).toBe(grpc.status.UNAUTHENTICATED);
    }
    expect(h.store.counts).toEqual({});
  } finally {
    await h.close();
  }
});

it('an injected interceptor replaces the one built from `auth`', async () => {
  const store = countingStore(openOrderStore(':memory:'));
  const userClient = createUserServiceClient('127.0.0.1:1');
  let seen = 0;
  const refuseAll: grpc.ServerInterceptor = (_method, call) =>
    new grpc.ServerInterceptingCall(call, {
      start: (next) =>
        next({
          onReceiveMetadata: () => {
            seen += 1;
            call.sendStatus({ code: grpc.status.PERMISSION_DENIED, details: 'injected' });
          },
        }),
    });
  const running = await createOrderServer({
    host: '127.0.0.1',
    port: 0,
    logger: captureLogger('order-service').logger,
    auth: { keys: keySet(), issuer: ISSUER, audience: 'order-service', algorithms: ['ES256'] },
    authInterceptor: refuseAll,
    store,
    userClient,
    userServiceTimeoutMs: 2000,
  });
  const client = createOrderClient(running.address);
  try {
    const out = await unaryCall(client, 'GetOrder', { order_id: 'o-1' });
    expect(out.code).toBe(grpc.status.PERMISSION_DENIED);
    expect(seen).toBe(1);
    expect(store.counts).toEqual({});
  } finally {
    client.close();
    await closeServer(running);
    userClient.close();
    store.close();
  }
});
