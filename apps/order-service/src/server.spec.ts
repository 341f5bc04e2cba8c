import * as grpc from '@grpc/grpc-js';
import type { Order__Output } from '@jwt-mesh/contracts';
import { createTestKeys } from '@jwt-mesh/jwt-interceptor/testing';
import { startFakeUserService, type FakeUserService } from './testing/fake-user-service';
import {
  ISSUER,
  NAMES,
  admin,
  bearer,
  customer,
  item,
  keySet,
  startOrderService,
  token,
  type OrderHarness,
} from './testing/harness';

let fake: FakeUserService;
let h: OrderHarness;
let alice: Record<string, string>;
let bob: Record<string, string>;
let root: Record<string, string>;

beforeAll(async () => {
  fake = await startFakeUserService({
    keys: keySet(),
    issuer: ISSUER,
    names: { ...NAMES, usr_dave: 'Dave' },
  });
  h = await startOrderService({ userAddr: fake.address });
  [alice, bob, root] = [
    bearer(await customer('usr_alice')),
    bearer(await customer('usr_bob')),
    bearer(await admin()),
  ];
});
afterAll(async () => {
  await h.close();
  await fake.close();
});

const create = (
  headers: Record<string, string>,
  items: object[] = [item()],
  idempotency_key = '',
) => h.call<Order__Output>('CreateOrder', { items, idempotency_key }, headers);

describe('CreateOrder', () => {
  it('stores the order with the customer name from user-service and an exact total', async () => {
    const before = Date.now();
    const out = await create(alice, [item('SKU-1', 3, '199'), item('B-2', 1000, '9007199254740')]);
    expect(out.code).toBe(grpc.status.OK);
    const order = out.response!;
    expect(order).toMatchObject({
      user_id: 'usr_alice',
      customer_name: 'Alice Liddell',
      status: 'ORDER_STATUS_PENDING',
      total_cents: String(3 * 199 + 1000 * 9007199254740),
      items: [
        { sku: 'SKU-1', quantity: 3, unit_price_cents: '199' },
        { sku: 'B-2', quantity: 1000, unit_price_cents: '9007199254740' },
      ],
    });
    expect(order.id).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    const ms = Number(order.created_at!.seconds) * 1000 + order.created_at!.nanos / 1e6;
    expect(ms).toBeGreaterThanOrEqual(before - 1000);
    expect(ms).toBeLessThanOrEqual(Date.now());
    expect(h.log.lines().find((l) => l.msg === 'order created')).toMatchObject({
      orderId: order.id,
      sub: 'usr_alice',
    });
  });

  it.each([
    ['no items', [], 'items must not be empty'],
    ['101 items', Array.from({ length: 101 }, () => item()), 'items must have at most 100 entries'],
    ['quantity 0', [item(), item(), item('A', 0)], 'items[2].quantity must be 1..1000'],
    ['quantity 1001', [item('A', 1001)], 'items[0].quantity must be 1..1000'],
    [
      'a negative price',
      [item('A', 1, '-1')],
      'items[0].unit_price_cents must be a non-negative integer',
    ],
    ['a lower-case SKU', [item('sku-1')], 'items[0].sku must match ^[A-Z0-9][A-Z0-9-]{0,31}$'],
    [
      'a 33-character SKU',
      [item('A'.repeat(33))],
      'items[0].sku must match ^[A-Z0-9][A-Z0-9-]{0,31}$',
    ],
    [
      'a total beyond MAX_SAFE_INTEGER',
      [item('A', 1000, '9007199254741')],
      'items: total_cents must be at most 9007199254740991',
    ],
  ])(
    'refuses %s with INVALID_ARGUMENT naming the field, without calling user-service',
    async (_n, items, details) => {
      const calls = fake.calls.length;
      const inserts = h.store.counts.insert ?? 0;
      const out = await create(alice, items);
      expect([out.code, out.details]).toEqual([grpc.status.INVALID_ARGUMENT, details]);
      expect(fake.calls.length).toBe(calls);
      expect(h.store.counts.insert ?? 0).toBe(inserts);
    },
  );

  it('refuses a bad idempotency key', async () => {
    for (const key of ['k'.repeat(129), 'tab\tkey', 'ключ']) {
      const out = await create(alice, [item()], key);
      expect(out.code).toBe(grpc.status.INVALID_ARGUMENT);
      expect(out.details).toMatch(/^idempotency_key must be 1\.\.128 printable ASCII characters$/);
    }
  });
});

describe('idempotency', () => {
  it('returns the first order for a repeated key without calling user-service again', async () => {
    const first = await create(bob, [item('IDEM', 2)], 'key-seq-1');
    const calls = fake.calls.length;
    const again = await create(bob, [item('IDEM', 2)], 'key-seq-1');
    expect(again.code).toBe(grpc.status.OK);
    expect(again.response).toEqual(first.response);
    expect(fake.calls.length).toBe(calls);
  });

  it('refuses the same key with different items (FAILED_PRECONDITION)', async () => {
    await create(bob, [item('IDEM', 1)], 'key-seq-2');
    const out = await create(bob, [item('IDEM', 2)], 'key-seq-2');
    expect([out.code, out.details]).toEqual([
      grpc.status.FAILED_PRECONDITION,
      'idempotency key reused with different items',
    ]);
  });

  it('scopes keys per user', async () => {
    const a = await create(alice, [item()], 'shared-key');
    const b = await create(bob, [item()], 'shared-key');
    expect(a.response!.id).not.toBe(b.response!.id);
    expect(b.response!.customer_name).toBe('Bob Marley');
  });

  it('resolves concurrent duplicates to one order', async () => {
    const calls = fake.calls.length;
    const outs = await Promise.all(
      Array.from({ length: 8 }, () => create(alice, [item('RACE')], 'key-race')),
    );
    expect(outs.map((o) => o.code)).toEqual(Array(8).fill(grpc.status.OK));
    expect(new Set(outs.map((o) => o.response!.id)).size).toBe(1);
    // Several got past the first lookup, so the UNIQUE constraint really decided the race.
    expect(fake.calls.length - calls).toBeGreaterThan(1);
    const stored = h.store
      .listByUser('usr_alice', 100)
      .filter((o) => o.idempotencyKey === 'key-race');
    expect(stored).toHaveLength(1);
  });
});

describe('authentication', () => {
  const now = Math.floor(Date.now() / 1000);
  const cases: [string, () => Promise<Record<string, string>>][] = [
    ['no authorization header', async () => ({})],
    ['another scheme', async () => ({ authorization: 'Basic dTpw' })],
    ['garbage', async () => ({ authorization: 'Bearer a.b.c' })],
    [
      'expired',
      async () =>
        bearer(await token({ sub: 'usr_alice', iat: now - 900, nbf: now - 900, exp: now - 600 })),
    ],
    [
      'another audience only',
      async () => bearer(await token({ sub: 'usr_alice' }, { audience: 'user-service' })),
    ],
    [
      'another issuer',
      async () => bearer(await token({ sub: 'usr_alice' }, { issuer: 'https://evil.test' })),
    ],
    [
      'an unknown key',
      async () => bearer(await token({ sub: 'usr_alice' }, { keys: createTestKeys() })),
    ],
  ];

  it.each(cases)('refuses %s with UNAUTHENTICATED before any handler runs', async (_n, headers) => {
    const hdrs = await headers();
    const counts = JSON.stringify(h.store.counts);
    const calls = fake.calls.length;
    for (const [method, req] of [
      ['CreateOrder', { items: [item()] }],
      ['GetOrder', { order_id: 'x' }],
      ['ListOrders', {}],
      ['CancelOrder', { order_id: 'x' }],
    ] as const) {
      expect((await h.call(method, req, hdrs)).code).toBe(grpc.status.UNAUTHENTICATED);
    }
    expect(JSON.stringify(h.store.counts)).toBe(counts);
    expect(fake.calls.length).toBe(calls);
  });

  it('never writes a token to the log', () => {
    const text = h.log.text();
    for (const t of [alice, bob, root]) {
      const jwt = t.authorization.slice('Bearer '.length);
      expect(text).not.toContain(jwt);
      expect(text).not.toContain(jwt.split('.')[2]);
    }
  });
});
