// The optional `authInterceptor` dependency exists for the benchmark's baselines only. Without it,
// the server must build its own verifying interceptor and refuse calls that carry no token.
import * as grpc from '@grpc/grpc-js';
import { createUserClient } from '@jwt-mesh/contracts';
import { createStaticKeySet } from '@jwt-mesh/jwt-interceptor';
import { createTestKeys } from '@jwt-mesh/jwt-interceptor/testing';
import { captureLogger, closeServer, unaryCall } from '@jwt-mesh/service-kit/testing';
import { createUserServer } from './server';
import { openUserStore, type UserStore } from './store/user-store';

const keys = createTestKeys();

async function start(authInterceptor?: grpc.ServerInterceptor) {
  const real = openUserStore(':memory:');
  const calls: string[] = [];
  const store: UserStore = {
    findById: (id) => (calls.push('findById'), real.findById(id)),
    list: (limit, after) => (calls.push('list'), real.list(limit, after)),
    seedIfEmpty: (u) => real.seedIfEmpty(u),
    close: () => real.close(),
  };
  const running = await createUserServer({
    host: '127.0.0.1',
    port: 0,
    logger: captureLogger('user-service').logger,
    store,
    auth: {
      keys: createStaticKeySet({ jwks: keys.jwks, algorithms: ['ES256'] }),
      issuer: 'http://127.0.0.1:8080',
      audience: 'user-service',
      algorithms: ['ES256'],
    },
    ...(authInterceptor ? { authInterceptor } : {}),
  });
  const client = createUserClient(running.address);
  return {
    calls,
    call: (method: string, req: object) => unaryCall(client, method, req),
    async close() {
      client.close();
      await closeServer(running);
      store.close();
    },
  };
}

it('without an injected interceptor, rejects calls without a token before any handler runs', async () => {
  const s = await start();
  try {
    for (const [method, req] of [
      ['GetMe', {}],
      ['GetUser', { user_id: 'usr_alice' }],
      ['ListUsers', {}],
    ] as const) {
      expect((await s.call(method, req)).code).toBe(grpc.status.UNAUTHENTICATED);
    }
    expect(s.calls).toEqual([]);
  } finally {
    await s.close();
  }
});

it('an injected interceptor replaces the one built from `auth`', async () => {
  let seen = 0;
  const s = await start(
    (_method, call) =>
      new grpc.ServerInterceptingCall(call, {
        start: (next) =>
          next({
            onReceiveMetadata: () => {
              seen += 1;
              call.sendStatus({ code: grpc.status.PERMISSION_DENIED, details: 'injected' });
            },
          }),
      }),
  );
  try {
    expect((await s.call('GetMe', {})).code).toBe(grpc.status.PERMISSION_DENIED);
    expect(seen).toBe(1);
    expect(s.calls).toEqual([]);
  } finally {
    await s.close();
  }
});
