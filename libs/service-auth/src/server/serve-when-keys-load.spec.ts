import { createRemoteKeySet, createStaticKeySet } from '@jwt-mesh/jwt-interceptor';
import { createTestKeys, startJwksServer } from '@jwt-mesh/jwt-interceptor/testing';
import { captureLogger, closeServer, startTestServer } from '@jwt-mesh/service-kit/testing';
import { healthClient } from '../test-support/health-client';
import { serveWhenKeysLoad } from './serve-when-keys-load';

const keys = createTestKeys();

async function serverWithHealth() {
  const running = await startTestServer({ services: [] });
  const health = healthClient(running.address);
  return {
    running,
    status: async () => (await health.check('')).response?.status,
    async close() {
      health.close();
      await closeServer(running);
    },
  };
}

describe('serveWhenKeysLoad', () => {
  it('leaves a loaded (static) key set SERVING', async () => {
    const s = await serverWithHealth();
    const set = createStaticKeySet({ jwks: keys.jwks, algorithms: ['ES256'] });
    try {
      serveWhenKeysLoad(set, s.running, captureLogger().logger);
      expect(await s.status()).toBe('SERVING');
    } finally {
      set.close();
      await s.close();
    }
  });

  it('is NOT_SERVING until the JWKS server comes up, then SERVING', async () => {
    const jwks = await startJwksServer(keys.jwks);
    jwks.setDown(true);
    const s = await serverWithHealth();
    const log = captureLogger();
    const set = createRemoteKeySet({
      url: jwks.url,
      algorithms: ['ES256'],
      retryMinMs: 20,
      retryMaxMs: 40,
    });
    try {
      serveWhenKeysLoad(set, s.running, log.logger, { pollMs: 10 });
      expect(await s.status()).toBe('NOT_SERVING');
      const waiting = await log.waitForLine((l) =>
        String(l.msg).startsWith('verification keys not loaded yet'),
      );
      expect(waiting.level).toBe(30); // info: the auth service is often still starting
      expect(await s.status()).toBe('NOT_SERVING');

      jwks.setDown(false);
      await log.waitForLine((l) => l.msg === 'verification keys loaded');
      expect(await s.status()).toBe('SERVING');
      expect(set.stats()).toMatchObject({ loaded: true });
      expect(set.stats().fetchFailures).toBeGreaterThan(0);
    } finally {
      set.close();
      await s.close();
      await jwks.close();
    }
  });

  it('flips to SERVING without polling when the first load succeeds', async () => {
    const jwks = await startJwksServer(keys.jwks);
    const s = await serverWithHealth();
    const set = createRemoteKeySet({ url: jwks.url, algorithms: ['ES256'] });
    const calls: boolean[] = [];
    let served!: () => void;
    const serving = new Promise<void>((resolve) => (served = resolve));
    const log = captureLogger();
    try {
      serveWhenKeysLoad(
        set,
        {
          setServing: (v) => {
            calls.push(v);
            s.running.setServing(v);
            if (v) served();
          },
        },
        log.logger,
      );
      expect(calls).toEqual([false]);
      await serving;
      expect(calls).toEqual([false, true]);
      expect(log.lines()).toEqual([]);
      expect(await s.status()).toBe('SERVING');
    } finally {
      set.close();
      await s.close();
      await jwks.close();
    }
  });
});
