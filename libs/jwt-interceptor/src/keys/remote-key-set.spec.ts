import * as grpc from '@grpc/grpc-js';
import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { createAuthServerInterceptor, createRemoteKeySet, type KeySet } from '../index';
import {
  createTestKeys,
  signTestToken,
  startJwksServer,
  TEST_AUDIENCE,
  TEST_ISSUER,
  type JwksServer,
} from '../testing';
import {
  bearer,
  ECHO_PATH,
  EchoClient,
  startTestServer,
  unaryCall,
} from '../test-support/grpc-harness';

const keyA = createTestKeys();
const keyB = createTestKeys();
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function jwks(
  set: object | (() => object),
  opts?: { maxAgeSeconds?: number },
): Promise<JwksServer> {
  const s = await startJwksServer(set, opts);
  cleanups.push(() => s.close());
  return s;
}

/** A real server verifying with `keys`, and a call function for tokens. */
async function serverWith(
  keys: KeySet,
): Promise<(token: string) => Promise<grpc.ServiceError | null>> {
  cleanups.push(() => keys.close());
  const interceptor = createAuthServerInterceptor({
    keys,
    issuer: TEST_ISSUER,
    audience: TEST_AUDIENCE,
    algorithms: ['ES256'],
  });
  const server = await startTestServer({ interceptors: [interceptor] });
  const client = new EchoClient(server.address, grpc.credentials.createInsecure());
  cleanups.push(
    () => server.close(),
    () => client.close(),
  );
  return async (token) => (await unaryCall(client, ECHO_PATH, {}, bearer(`Bearer ${token}`))).err;
}

it('200 concurrent tokens with random unknown kids cause at most one JWKS fetch', async () => {
  const server = await jwks(keyA.jwks);
  const keys = createRemoteKeySet({ url: server.url, cooldownSeconds: 1 });
  const call = await serverWith(keys);
  expect(await keys.ready()).toBe(true);
  await sleep(1050); // let the cooldown after the start-up fetch pass, so one refetch is allowed
  const before = server.requests;
  const tokens = await Promise.all(
    Array.from({ length: 200 }, () =>
      signTestToken({ sub: 'u' }, { keys: keyA, header: { kid: randomUUID() } }),
    ),
  );
  const errors = await Promise.all(tokens.map(call));
  expect(errors.every((e) => e?.code === grpc.status.UNAUTHENTICATED)).toBe(true);
  expect(server.requests - before).toBeLessThanOrEqual(1);
  expect(await call(await signTestToken({ sub: 'u' }, { keys: keyA }))).toBeNull();
}, 15_000);

it('an unknown kid that was just published is picked up by one refetch (rotation)', async () => {
  let published = [keyA.publicJwk];
  const server = await jwks(() => ({ keys: published }));
  const keys = createRemoteKeySet({ url: server.url, cooldownSeconds: 0 });
  const call = await serverWith(keys);
  await keys.ready();
  published = [keyA.publicJwk, keyB.publicJwk];
  expect(await call(await signTestToken({ sub: 'u' }, { keys: keyB }))).toBeNull();
  expect(keys.stats()).toMatchObject({ keys: 2, fetches: 2, loaded: true });
});

it('a JWKS server that goes down after start does not stop valid tokens (stale-if-error)', async () => {
  const server = await jwks(keyA.jwks);
  const keys = createRemoteKeySet({
    url: server.url,
    minRefreshSeconds: 0.05,
    maxRefreshSeconds: 0.05,
    cooldownSeconds: 0,
  });
  const call = await serverWith(keys);
  expect(await keys.ready()).toBe(true);
  await server.close();
  await sleep(250); // several background refreshes fail meanwhile
  expect(keys.stats().fetchFailures).toBeGreaterThan(0);
  expect(await call(await signTestToken({ sub: 'u1' }, { keys: keyA }))).toBeNull();
  // An unknown kid now triggers a failing refetch; the good set stays in use afterwards.
  expect((await call(await signTestToken({ sub: 'u2' }, { keys: keyB })))?.code).toBe(
    grpc.status.UNAUTHENTICATED,
  );
  expect(await call(await signTestToken({ sub: 'u3' }, { keys: keyA }))).toBeNull();
});

it('no key ever loaded gives UNAVAILABLE, and it recovers when the JWKS server comes up', async () => {
  const server = await jwks(keyA.jwks);
  server.setDown(true);
  const keys = createRemoteKeySet({
    url: server.url,
    retryMinMs: 20,
    retryMaxMs: 100,
    cooldownSeconds: 60,
  });
  const call = await serverWith(keys);
  expect(await keys.ready()).toBe(false);
  const token = await signTestToken({ sub: 'u' }, { keys: keyA });
  const err = await call(token);
  expect(err?.code).toBe(grpc.status.UNAVAILABLE);
  expect(err?.details).toBe('authentication keys unavailable');
  server.setDown(false);
  let last: grpc.ServiceError | null = err;
  for (let i = 0; i < 50 && last; i++) {
    await sleep(50);
    last = await call(token);
  }
  expect(last).toBeNull();
});

it('honours Cache-Control max-age within the configured bounds', async () => {
  const server = await jwks(keyA.jwks, { maxAgeSeconds: 3600 });
  const keys = createRemoteKeySet({
    url: server.url,
    minRefreshSeconds: 0.05,
    maxRefreshSeconds: 0.1,
  });
  cleanups.push(() => keys.close());
  await keys.ready();
  await sleep(350);
  expect(server.requests).toBeGreaterThanOrEqual(2); // 3600 s clamped down to 0.1 s
  keys.close();
  const after = server.requests;
  await sleep(250);
  expect(server.requests).toBe(after); // close() stopped the timer
});

it('refuses an oversized JWKS response and JWKs that are private, for encryption or off-list', async () => {
  const big = await jwks({ keys: [keyA.publicJwk], pad: 'x'.repeat(300 * 1024) });
  const k1 = createRemoteKeySet({ url: big.url, retryMinMs: 60_000 });
  cleanups.push(() => k1.close());
  expect(await k1.ready()).toBe(false);
  expect(k1.stats()).toMatchObject({ fetches: 1, fetchFailures: 1, loaded: false });

  const priv = keyA.privateKey.export({ format: 'jwk' });
  const bad = await jwks({
    keys: [
      { ...priv, kid: keyA.kid, use: 'sig' },
      { ...keyB.publicJwk, use: 'enc' },
      { ...createTestKeys('RS256').publicJwk },
    ],
  });
  const k2 = createRemoteKeySet({ url: bad.url, algorithms: ['ES256'], retryMinMs: 60_000 });
  cleanups.push(() => k2.close());
  expect(await k2.ready()).toBe(false);
  await expect(k2.getKey({ alg: 'ES256', kid: keyA.kid })).rejects.toMatchObject({
    code: 'ERR_KEYS_UNAVAILABLE',
  });
});

it.each([
  ['file:///etc/passwd'],
  ['ftp://x/jwks'],
  ['not a url'],
  ['http://user:hunter2@127.0.0.1/jwks'],
])('refuses url %s at construction', (url) => {
  expect(() => createRemoteKeySet({ url })).toThrow(/^url:/);
});

describe('logging of failed fetches', () => {
  type Line = { level: number; msg: string; [k: string]: unknown };
  /** A real pino logger writing into memory, as the services' root logger would. */
  function capture() {
    const lines: Line[] = [];
    const logger = pino(
      { level: 'debug' },
      { write: (l: string) => void lines.push(JSON.parse(l) as Line) },
    );
    return { logger, lines, failures: () => lines.filter((l) => l.msg !== 'jwks loaded') };
  }
  async function until(what: string, cond: () => boolean): Promise<void> {
    for (let i = 0; i < 500 && !cond(); i++) await sleep(10);
    if (!cond()) throw new Error(`timed out waiting for ${what}`);
  }

  it('logs start-up failures as "waiting for JWKS" at info, and nothing at warn, while it waits', async () => {
    const server = await jwks(keyA.jwks);
    server.setDown(true);
    const log = capture();
    const keys = createRemoteKeySet({
      url: server.url,
      retryMinMs: 10,
      retryMaxMs: 20,
      logger: log.logger,
    });
    cleanups.push(() => keys.close());
    await until('3 failed fetches', () => keys.stats().fetchFailures >= 3);
    server.setDown(false);
    await until('keys loaded', () => keys.stats().loaded);
    expect(log.failures().length).toBeGreaterThanOrEqual(3);
    for (const line of log.failures()) {
      expect(line).toMatchObject({
        level: 30,
        msg: 'waiting for JWKS',
        jwks: server.url,
        err: { message: 'JWKS endpoint answered HTTP 503' },
        waitingMs: expect.any(Number),
      });
    }
  });

  it('logs at warn once the failures have lasted warnAfterMs since the first attempt', async () => {
    const server = await jwks(keyA.jwks);
    server.setDown(true);
    const log = capture();
    const keys = createRemoteKeySet({
      url: server.url,
      retryMinMs: 10,
      retryMaxMs: 20,
      warnAfterMs: 100,
      logger: log.logger,
    });
    cleanups.push(() => keys.close());
    await until('a warn line', () => log.lines.some((l) => l.level === 40));
    const [first, ...rest] = log.failures();
    expect(first).toMatchObject({ level: 30, msg: 'waiting for JWKS' });
    // The level follows the key set's own clock: before the threshold info, from it on warn.
    for (const line of [first, ...rest]) {
      if ((line.waitingMs as number) < 100) expect(line.level).toBe(30);
      else expect(line).toMatchObject({ level: 40, msg: 'jwks fetch failed', loaded: false });
    }
  });

  it('logs a failed refresh after keys had loaded at warn at once (stale keys in use)', async () => {
    const server = await jwks(keyA.jwks);
    const log = capture();
    const keys = createRemoteKeySet({
      url: server.url,
      minRefreshSeconds: 0.02,
      maxRefreshSeconds: 0.02,
      logger: log.logger,
    });
    cleanups.push(() => keys.close());
    expect(await keys.ready()).toBe(true);
    server.setDown(true);
    await until('a failed refresh', () => keys.stats().fetchFailures >= 1);
    expect(log.failures()[0]).toMatchObject({ level: 40, msg: 'jwks fetch failed', loaded: true });
  });

  it('never logs the query of the JWKS URL, which may carry a token', async () => {
    const server = await jwks(keyA.jwks);
    server.setDown(true);
    const log = capture();
    const keys = createRemoteKeySet({
      url: `${server.url}?access_token=s3cret-token`,
      retryMinMs: 10,
      retryMaxMs: 20,
      warnAfterMs: 0,
      logger: log.logger,
    });
    cleanups.push(() => keys.close());
    await until('2 failed fetches', () => keys.stats().fetchFailures >= 2);
    expect(log.failures()[0]).toMatchObject({ level: 40, jwks: `${server.url}?[Redacted]` });
    expect(JSON.stringify(log.lines)).not.toContain('s3cret');
  });

  it('names the system error when nothing listens (fetch itself only says "fetch failed")', async () => {
    const server = await jwks(keyA.jwks);
    const url = server.url;
    await server.close(); // the port is free again: connections are refused
    const log = capture();
    const keys = createRemoteKeySet({ url, retryMinMs: 60_000, logger: log.logger });
    cleanups.push(() => keys.close());
    expect(await keys.ready()).toBe(false);
    expect(log.failures()[0]).toMatchObject({
      level: 30,
      msg: 'waiting for JWKS',
      err: { code: 'ECONNREFUSED' },
    });
  });
});
