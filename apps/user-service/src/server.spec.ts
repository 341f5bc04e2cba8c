import * as grpc from '@grpc/grpc-js';
import { createUserClient, type UserServiceClient } from '@jwt-mesh/contracts';
import { createStaticKeySet } from '@jwt-mesh/jwt-interceptor';
import { createTestKeys, signTestToken } from '@jwt-mesh/jwt-interceptor/testing';
import type { RunningServer } from '@jwt-mesh/service-kit';
import { captureLogger, closeServer, unaryCall } from '@jwt-mesh/service-kit/testing';
import { service as healthService } from 'grpc-health-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSeed } from './domain/seed';
import { createUserServer } from './server';
import { openUserStore, type UserStore } from './store/user-store';

const ISSUER = 'http://127.0.0.1:8080';
const keys = createTestKeys();
const otherKeys = createTestKeys();
const log = captureLogger('user-service');
const storeCalls: string[] = [];
let store: UserStore;
let running: RunningServer;
let client: UserServiceClient;

type Claims = Record<string, unknown>;
const token = (
  claims: Claims,
  o: { audience?: string | string[]; issuer?: string; k?: typeof keys } = {},
) =>
  signTestToken(claims, {
    keys: o.k ?? keys,
    issuer: o.issuer ?? ISSUER,
    audience: o.audience ?? ['order-service', 'user-service'],
  });
const alice = () => token({ sub: 'usr_alice', roles: ['customer'] });
const bob = () => token({ sub: 'usr_bob', roles: ['customer'] });
const admin = () => token({ sub: 'usr_admin', roles: ['admin'] });
const bearer = (t: string) => ({ authorization: `Bearer ${t}` });

function call<Res = unknown>(method: string, req: object, headers: Record<string, string> = {}) {
  return unaryCall<UserServiceClient, object, Res>(client, method, req, headers);
}

beforeAll(async () => {
  const real = openUserStore(':memory:');
  real.seedIfEmpty(
    parseSeed(readFileSync(join(__dirname, '../../../seed/demo-users.json'), 'utf8')),
  );
  // Records every store access, so tests can assert that a rejected call never reached a handler.
  store = {
    findById: (id) => (storeCalls.push('findById'), real.findById(id)),
    list: (limit, after) => (storeCalls.push('list'), real.list(limit, after)),
    seedIfEmpty: (u) => real.seedIfEmpty(u),
    close: () => real.close(),
  };
  running = await createUserServer({
    host: '127.0.0.1',
    port: 0,
    logger: log.logger,
    store,
    auth: {
      keys: createStaticKeySet({ jwks: keys.jwks, algorithms: ['ES256'] }),
      issuer: ISSUER,
      audience: 'user-service',
      algorithms: ['ES256'],
    },
  });
  client = createUserClient(running.address);
});

afterAll(async () => {
  client.close();
  await closeServer(running);
  store.close();
});

describe('GetMe', () => {
  it("returns the caller's own profile", async () => {
    const out = await call('GetMe', {}, bearer(await alice()));
    expect(out.code).toBe(grpc.status.OK);
    expect(out.response).toEqual({
      id: 'usr_alice',
      username: 'alice',
      display_name: 'Alice Liddell',
      email: 'alice@example.com',
      roles: ['customer'],
    });
  });

  it('is NOT_FOUND for a subject without a profile', async () => {
    const out = await call(
      'GetMe',
      {},
      bearer(await token({ sub: 'usr_ghost', roles: ['customer'] })),
    );
    expect(out.code).toBe(grpc.status.NOT_FOUND);
  });
});

describe('GetUser', () => {
  it('serves self and, for an admin, anyone', async () => {
    expect((await call('GetUser', { user_id: 'usr_bob' }, bearer(await bob()))).code).toBe(
      grpc.status.OK,
    );
    const out = await call<{ display_name: string }>(
      'GetUser',
      { user_id: 'usr_bob' },
      bearer(await admin()),
    );
    expect(out.response?.display_name).toBe('Bob Marley');
  });

  it("refuses another customer's id with PERMISSION_DENIED, whether or not it exists", async () => {
    const t = bearer(await alice());
    expect((await call('GetUser', { user_id: 'usr_bob' }, t)).code).toBe(
      grpc.status.PERMISSION_DENIED,
    );
    expect((await call('GetUser', { user_id: 'usr_nobody' }, t)).code).toBe(
      grpc.status.PERMISSION_DENIED,
    );
  });

  it('is NOT_FOUND for an admin asking for an unknown id, INVALID_ARGUMENT for a bad id', async () => {
    const t = bearer(await admin());
    expect((await call('GetUser', { user_id: 'usr_nobody' }, t)).code).toBe(grpc.status.NOT_FOUND);
    const empty = await call('GetUser', { user_id: '' }, t);
    expect([empty.code, empty.details]).toEqual([
      grpc.status.INVALID_ARGUMENT,
      'user_id is required',
    ]);
    expect((await call('GetUser', { user_id: 'x'.repeat(129) }, t)).code).toBe(
      grpc.status.INVALID_ARGUMENT,
    );
  });
});

describe('ListUsers', () => {
  it('needs role admin', async () => {
    const out = await call('ListUsers', {}, bearer(await alice()));
    expect([out.code, out.details]).toEqual([grpc.status.PERMISSION_DENIED, 'missing role admin']);
  });

  it('pages through every profile without duplicates', async () => {
    const t = bearer(await admin());
    const seen: string[] = [];
    let pageToken = '';
    let pages = 0;
    do {
      const out = await call<{ users: { id: string }[]; next_page_token: string }>(
        'ListUsers',
        { page_size: 2, page_token: pageToken },
        t,
      );
      expect(out.code).toBe(grpc.status.OK);
      seen.push(...out.response!.users.map((u) => u.id));
      pageToken = out.response!.next_page_token;
      pages += 1;
    } while (pageToken);
    expect(pages).toBe(2);
    expect(seen).toEqual(['usr_admin', 'usr_alice', 'usr_bob']);
    const all = await call<{ users: unknown[]; next_page_token: string }>('ListUsers', {}, t);
    expect(all.response).toMatchObject({ next_page_token: '' });
    expect(all.response!.users).toHaveLength(3);
  });

  it('refuses a malformed page token and an out-of-range page size', async () => {
    const t = bearer(await admin());
    expect((await call('ListUsers', { page_token: 'garbage!' }, t)).code).toBe(
      grpc.status.INVALID_ARGUMENT,
    );
    expect((await call('ListUsers', { page_size: 101 }, t)).code).toBe(
      grpc.status.INVALID_ARGUMENT,
    );
    expect((await call('ListUsers', { page_size: -1 }, t)).code).toBe(grpc.status.INVALID_ARGUMENT);
  });
});

describe('authentication', () => {
  const now = Math.floor(Date.now() / 1000);
  const cases: [string, () => Promise<Record<string, string>>][] = [
    ['no authorization header', async () => ({})],
    [
      'another scheme',
      async () => ({ authorization: `Basic ${Buffer.from('a:b').toString('base64')}` }),
    ],
    ['garbage', async () => ({ authorization: 'Bearer not-a-jwt' })],
    [
      'expired',
      async () =>
        bearer(await token({ sub: 'usr_alice', iat: now - 600, nbf: now - 600, exp: now - 300 })),
    ],
    [
      'another audience only',
      async () => bearer(await token({ sub: 'usr_alice' }, { audience: 'order-service' })),
    ],
    [
      'another issuer',
      async () => bearer(await token({ sub: 'usr_alice' }, { issuer: 'https://evil.test' })),
    ],
    ['an unknown key', async () => bearer(await token({ sub: 'usr_alice' }, { k: otherKeys }))],
  ];

  it.each(cases)(
    'refuses %s with UNAUTHENTICATED before any handler runs',
    async (_name, headers) => {
      const h = await headers();
      storeCalls.length = 0;
      for (const [method, req] of [
        ['GetMe', {}],
        ['GetUser', { user_id: 'usr_alice' }],
        ['ListUsers', {}],
      ] as const) {
        expect((await call(method, req, h)).code).toBe(grpc.status.UNAUTHENTICATED);
      }
      expect(storeCalls).toEqual([]);
    },
  );

  it('leaves health checking open (exact infra paths only)', async () => {
    const Health = grpc.makeGenericClientConstructor(healthService, 'Health');
    const health = new Health(
      running.address,
      grpc.credentials.createInsecure(),
    ) as unknown as grpc.Client & {
      check(
        req: object,
        cb: (err: grpc.ServiceError | null, res?: { status: string }) => void,
      ): void;
    };
    const res = await new Promise<{ status: string } | undefined>((resolve, reject) =>
      health.check({ service: '' }, (err, r) => (err ? reject(err) : resolve(r))),
    );
    health.close();
    expect(res?.status).toBe('SERVING');
  });

  it('never logs the token', async () => {
    const t = await alice();
    await call('GetMe', {}, bearer(t));
    const text = log.text();
    expect(text).not.toContain(t);
    expect(text).not.toContain(t.split('.')[1]);
    expect(log.lines().some((l) => l.msg === 'rpc finished' && l.sub === 'usr_alice')).toBe(true);
  });
});
