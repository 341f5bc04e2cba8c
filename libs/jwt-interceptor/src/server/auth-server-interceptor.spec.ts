import * as grpc from '@grpc/grpc-js';
import pino from 'pino';
import { HealthImplementation, service as healthService } from 'grpc-health-check';
import {
  createAuthServerInterceptor,
  createStaticKeySet,
  getPrincipal,
  requireRole,
  requireScope,
  type AuthServerOptions,
  type KeySet,
} from '../index';
import { createTestKeys, signTestToken, TEST_AUDIENCE, TEST_ISSUER } from '../testing';
import {
  bearer,
  ECHO_PATH,
  EchoClient,
  jsonMethod,
  startTestServer,
  unaryCall,
  type TestServer,
} from '../test-support/grpc-harness';

const keys = createTestKeys();
const HEALTH = ['/grpc.health.v1.Health/Check', '/grpc.health.v1.Health/Watch'];
const LOOKALIKE = '/grpc.health.v1.HealthX/Check';
const staticKeys = createStaticKeySet({ jwks: keys.jwks, algorithms: ['ES256'] });
const base: AuthServerOptions = {
  keys: staticKeys,
  issuer: TEST_ISSUER,
  audience: TEST_AUDIENCE,
  algorithms: ['ES256'],
};
const auth = async (
  claims: Record<string, unknown>,
  header?: Record<string, unknown>,
): Promise<grpc.Metadata> => bearer(`Bearer ${await signTestToken(claims, { keys, header })}`);

/** Delays every key lookup, so messages arrive while verification is pending. */
const slowKeys = (ms: number): KeySet => ({
  ...staticKeys,
  getKey: (req) => new Promise((r) => setTimeout(r, ms)).then(() => staticKeys.getKey(req)),
});

describe('createAuthServerInterceptor on a real server', () => {
  let server: TestServer;
  let client: grpc.Client;
  let lookalikeCalls = 0;
  const interceptor = createAuthServerInterceptor({
    ...base,
    keys: slowKeys(100),
    skip: (p) => HEALTH.includes(p),
  });

  beforeAll(async () => {
    server = await startTestServer({
      interceptors: [interceptor],
      handler: (call) => {
        const req = call.request as { need?: string; size?: boolean };
        if (req.need === 'admin') requireRole(call, 'admin');
        if (req.need === 'scope') requireScope(call, 'orders:write');
        const p = getPrincipal(call);
        return {
          subject: p.subject,
          roles: p.roles,
          scopes: p.scopes,
          size: JSON.stringify(call.request).length,
        };
      },
      extra: (s) => {
        new HealthImplementation({ '': 'SERVING' }).addToServer(s);
        s.addService(
          { Check: jsonMethod(LOOKALIKE) },
          {
            Check: (_c: unknown, cb: grpc.sendUnaryData<unknown>) => {
              lookalikeCalls += 1;
              cb(null, { status: 'SERVING' });
            },
          },
        );
      },
    });
    client = new EchoClient(server.address, grpc.credentials.createInsecure());
  });
  afterAll(async () => {
    client.close();
    await server.close();
  });

  it('a valid token reaches the handler with the right principal', async () => {
    const md = await auth({
      sub: 'usr_alice',
      roles: ['customer'],
      scope: 'orders:read orders:write',
    });
    const { err, res } = await unaryCall(client, ECHO_PATH, { need: 'scope' }, md);
    expect(err).toBeNull();
    expect(res).toMatchObject({
      subject: 'usr_alice',
      roles: ['customer'],
      scopes: ['orders:read', 'orders:write'],
    });
  });

  it('a missing role gives PERMISSION_DENIED naming the role, not the claims', async () => {
    const { err } = await unaryCall(
      client,
      ECHO_PATH,
      { need: 'admin' },
      await auth({ sub: 'usr_bob', roles: ['customer'] }),
    );
    expect(err?.code).toBe(grpc.status.PERMISSION_DENIED);
    expect(err?.details).toBe('missing role admin');
  });

  it('a request over 64 KiB arriving while verification is pending reaches the handler', async () => {
    const big = { data: 'x'.repeat(100 * 1024) };
    const { err, res } = await unaryCall(client, ECHO_PATH, big, await auth({ sub: 'usr_big' }));
    expect(err).toBeNull();
    expect(res).toMatchObject({ subject: 'usr_big', size: JSON.stringify(big).length });
  });

  it('health Check works without a token; the look-alike HealthX/Check does not', async () => {
    const Health = grpc.makeGenericClientConstructor(
      healthService as grpc.ServiceDefinition,
      'Health',
    );
    const health = new Health(
      server.address,
      grpc.credentials.createInsecure(),
    ) as unknown as grpc.Client & {
      check: (
        req: object,
        cb: (err: grpc.ServiceError | null, res: { status: string }) => void,
      ) => void;
    };
    const res = await new Promise<{ status: string }>((resolve, reject) =>
      health.check({ service: '' }, (err, r) => (err ? reject(err) : resolve(r))),
    );
    expect(res.status).toBe('SERVING');
    health.close();
    const { err } = await unaryCall(client, LOOKALIKE, {});
    expect(err?.code).toBe(grpc.status.UNAUTHENTICATED);
    expect(lookalikeCalls).toBe(0);
  });

  it('counts cache hits: the same token twice is verified once', async () => {
    const md = await auth({ sub: 'usr_cache' });
    const before = interceptor.stats();
    await unaryCall(client, ECHO_PATH, {}, md);
    await unaryCall(client, ECHO_PATH, {}, md);
    const after = interceptor.stats();
    expect(after.cacheMisses - before.cacheMisses).toBe(1);
    expect(after.cacheHits - before.cacheHits).toBe(1);
    expect(after.accepted - before.accepted).toBe(2);
  });
});

describe('policy options', () => {
  let server: TestServer;
  let client: grpc.Client;
  let clock = new Date();
  beforeAll(async () => {
    const interceptor = createAuthServerInterceptor({
      ...base,
      subjectClaim: 'preferred_username',
      rolesClaim: 'groups',
      now: () => clock,
    });
    server = await startTestServer({ interceptors: [interceptor] });
    client = new EchoClient(server.address, grpc.credentials.createInsecure());
  });
  afterAll(async () => {
    client.close();
    await server.close();
  });

  it('reads subject and roles from the configured claims; typ matches case-insensitively', async () => {
    const md = await auth(
      { preferred_username: 'alice', groups: 'ops admin' },
      { typ: 'application/AT+JWT' },
    );
    const { err, res } = await unaryCall(client, ECHO_PATH, {}, md);
    expect(err).toBeNull();
    expect(res).toMatchObject({ subject: 'alice', roles: ['ops', 'admin'] });
  });

  it('a token without the configured subject claim is refused', async () => {
    const { err } = await unaryCall(client, ECHO_PATH, {}, await auth({ sub: 'alice' }));
    expect(err?.code).toBe(grpc.status.UNAUTHENTICATED);
  });

  it('a cached token stops working once `now` passes its exp', async () => {
    const md = bearer(
      `Bearer ${await signTestToken({ preferred_username: 'bob' }, { keys, now: clock, expiresInSeconds: 60 })}`,
    );
    expect((await unaryCall(client, ECHO_PATH, {}, md)).err).toBeNull();
    clock = new Date(clock.getTime() + 120_000);
    expect((await unaryCall(client, ECHO_PATH, {}, md)).err?.code).toBe(
      grpc.status.UNAUTHENTICATED,
    );
  });

  it('refuses a token whose lifetime exceeds maxTokenLifetimeSeconds', async () => {
    const md = bearer(
      `Bearer ${await signTestToken({ preferred_username: 'c' }, { keys, now: clock, expiresInSeconds: 7200 })}`,
    );
    expect((await unaryCall(client, ECHO_PATH, {}, md)).err?.code).toBe(
      grpc.status.UNAUTHENTICATED,
    );
  });
});

describe('option checks at construction', () => {
  it.each([
    ['issuer', { ...base, issuer: undefined }],
    ['audience', { ...base, audience: '' }],
    ['algorithms', { ...base, algorithms: ['none'] }],
    ['algorithms', { ...base, algorithms: ['HS256'] }],
    ['algorithms', { ...base, algorithms: [] }],
    ['keys', { ...base, keys: undefined }],
    ['clockToleranceSeconds', { ...base, clockToleranceSeconds: -1 }],
    ['maxTokenLength', { ...base, maxTokenLength: 1.5 }],
    ['skip', { ...base, skip: 'health' }],
    ['logger', { ...base, logger: {} }],
    ['cache.max', { ...base, cache: { max: 0 } }],
  ])('throws a TypeError naming %s', (option, opts) => {
    expect(() => createAuthServerInterceptor(opts as unknown as AuthServerOptions)).toThrow(
      new RegExp(`^${option.replace('.', '\\.')}:`),
    );
    expect(() => createAuthServerInterceptor(opts as unknown as AuthServerOptions)).toThrow(
      TypeError,
    );
  });
});

describe('logging', () => {
  it('logs reasons at debug and never a token, signature or claim value', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'debug' }, { write: (l: string) => void lines.push(l) });
    const interceptor = createAuthServerInterceptor({ ...base, logger });
    const server = await startTestServer({ interceptors: [interceptor] });
    const client = new EchoClient(server.address, grpc.credentials.createInsecure());
    const good = await signTestToken({ sub: 'usr_secret_subject', roles: ['r'] }, { keys });
    const expired = await signTestToken(
      { sub: 'usr_secret_subject' },
      { keys, expiresInSeconds: -3600 },
    );
    for (const t of [good, good, expired, `${good}x`])
      await unaryCall(client, ECHO_PATH, {}, bearer(`Bearer ${t}`));
    client.close();
    await server.close();
    const text = lines.join('\n');
    expect(text).toContain('"reason":"ERR_JWT_EXPIRED"');
    for (const t of [good, expired])
      for (const part of t.split('.')) expect(text).not.toContain(part);
    expect(text).not.toContain('usr_secret_subject');
  });
});
