import * as grpc from '@grpc/grpc-js';
import { createUserClient, loadMesh } from '@jwt-mesh/contracts';
import { createStaticKeySet, getPrincipal } from '@jwt-mesh/jwt-interceptor';
import {
  TEST_AUDIENCE,
  TEST_ISSUER,
  createTestKeys,
  signTestToken,
} from '@jwt-mesh/jwt-interceptor/testing';
import { closeServer, startTestServer, unaryCall } from '@jwt-mesh/service-kit/testing';
import { healthClient } from '../test-support/health-client';
import type { AuthSettings } from './auth-settings';
import { createServiceAuthInterceptor } from './service-auth-interceptor';

const { grpcObject } = loadMesh();
const keys = createTestKeys();

async function serve(settings: Partial<AuthSettings> = {}) {
  const interceptor = createServiceAuthInterceptor({
    keys: createStaticKeySet({ jwks: keys.jwks, algorithms: ['ES256'] }),
    issuer: TEST_ISSUER,
    audience: TEST_AUDIENCE,
    algorithms: ['ES256'],
    ...settings,
  });
  const handled: string[] = [];
  const running = await startTestServer({
    services: [
      {
        definition: grpcObject.mesh.user.v1.UserService.service,
        implementation: {
          GetMe: (
            call: grpc.ServerUnaryCall<unknown, unknown>,
            cb: grpc.sendUnaryData<unknown>,
          ) => {
            const { subject } = getPrincipal(call);
            handled.push(subject);
            cb(null, { id: subject });
          },
        },
      },
    ],
    interceptors: [interceptor],
  });
  const client = createUserClient(running.address);
  const health = healthClient(running.address);
  return {
    interceptor,
    handled,
    health,
    getMe: (headers?: Record<string, string>) => unaryCall(client, 'GetMe', {}, headers),
    async close() {
      client.close();
      health.close();
      await closeServer(running);
    },
  };
}

const bearer = async (sub: string) => ({
  authorization: `Bearer ${await signTestToken({ sub }, { keys })}`,
});

describe('createServiceAuthInterceptor', () => {
  it('refuses a call without a token before the handler runs, and lets a valid one through', async () => {
    const s = await serve();
    try {
      expect((await s.getMe()).code).toBe(grpc.status.UNAUTHENTICATED);
      expect(s.handled).toEqual([]);
      const ok = await s.getMe(await bearer('usr_alice'));
      expect(ok.code).toBe(grpc.status.OK);
      expect(ok.response).toMatchObject({ id: 'usr_alice' });
      expect(s.handled).toEqual(['usr_alice']);
    } finally {
      await s.close();
    }
  });

  it('exempts health checking (INFRA_METHODS) by exact path', async () => {
    const s = await serve();
    try {
      const out = await s.health.check();
      expect(out.code).toBe(grpc.status.OK);
      expect(out.response).toEqual({ status: 'SERVING' });
      expect(s.interceptor.stats().rejected).toEqual({});
    } finally {
      await s.close();
    }
  });

  it('caches verified tokens by default; cacheMaxEntries 0 turns the cache off', async () => {
    const headers = await bearer('usr_bob');
    for (const [settings, hits] of [
      [{}, 1],
      [{ cacheMaxEntries: 0 }, 0],
    ] as const) {
      const s = await serve(settings);
      try {
        expect((await s.getMe(headers)).code).toBe(grpc.status.OK);
        expect((await s.getMe(headers)).code).toBe(grpc.status.OK);
        expect(s.interceptor.stats()).toMatchObject({ accepted: 2, cacheHits: hits });
      } finally {
        await s.close();
      }
    }
  });

  it('uses the injected clock: a token is expired at a later `now`', async () => {
    const later = new Date(Date.now() + 3600_000);
    const s = await serve({ now: () => later });
    try {
      expect((await s.getMe(await bearer('usr_alice'))).code).toBe(grpc.status.UNAUTHENTICATED);
      expect(s.handled).toEqual([]);
    } finally {
      await s.close();
    }
  });

  it('throws a TypeError at construction for bad settings', () => {
    expect(() =>
      createServiceAuthInterceptor({
        keys: createStaticKeySet({ jwks: keys.jwks, algorithms: ['ES256'] }),
        issuer: TEST_ISSUER,
        audience: TEST_AUDIENCE,
        algorithms: ['HS256'],
      }),
    ).toThrow(TypeError);
  });
});
