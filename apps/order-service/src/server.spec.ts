import * as grpc from '@grpc/grpc-js';
import type { ListOrdersResponse__Output, Order__Output } from '@jwt-mesh/contracts';
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

describe('GetOrder', () => {
  let orderId: string;
  beforeAll(async () => {
    orderId = (await create(alice)).response!.id;
  });

  it('serves the owner and an admin without calling user-service', async () => {
    const calls = fake.calls.length;
    expect((await h.call('GetOrder', { order_id: orderId }, alice)).code).toBe(grpc.status.OK);
    const byAdmin = await h.call<Order__Output>('GetOrder', { order_id: orderId }, root);
    expect(byAdmin.response).toMatchObject({ id: orderId, user_id: 'usr_alice' });
    expect(fake.calls.length).toBe(calls);
  });

  it("gives NOT_FOUND for another customer's order, exactly as for a missing one", async () => {
    const other = await h.call('GetOrder', { order_id: orderId }, bob);
    const missing = await h.call(
      'GetOrder',
      { order_id: '00000000-0000-4000-8000-000000000000' },
      bob,
    );
    expect([other.code, other.details]).toEqual([grpc.status.NOT_FOUND, 'order not found']);
    expect([missing.code, missing.details]).toEqual([other.code, other.details]);
  });

  it('refuses an empty or over-long id', async () => {
    expect((await h.call('GetOrder', { order_id: '' }, alice)).details).toBe(
      'order_id is required',
    );
    expect((await h.call('GetOrder', { order_id: 'x'.repeat(129) }, alice)).code).toBe(
      grpc.status.INVALID_ARGUMENT,
    );
  });
});

describe('ListOrders', () => {
  let dave: Record<string, string>;
  let daveIds: string[];
  beforeAll(async () => {
    dave = bearer(await customer('usr_dave'));
    daveIds = [];
    for (let i = 0; i < 5; i++) daveIds.push((await create(dave, [item(`P-${i}`)])).response!.id);
  });

  async function pages(headers: Record<string, string>, req: object) {
    const result: string[][] = [];
    let page_token = '';
    do {
      const out = await h.call<ListOrdersResponse__Output>(
        'ListOrders',
        { ...req, page_token },
        headers,
      );
      expect(out.code).toBe(grpc.status.OK);
      result.push(out.response!.orders.map((o) => o.id));
      page_token = out.response!.next_page_token;
    } while (page_token);
    return result;
  }

  it('pages through the own orders newest first without duplicates', async () => {
    const newestFirst = [...daveIds].reverse();
    expect(await pages(dave, { page_size: 2 })).toEqual([
      newestFirst.slice(0, 2),
      newestFirst.slice(2, 4),
      newestFirst.slice(4),
    ]);
    expect(await pages(dave, { page_size: 0 })).toEqual([newestFirst]);
  });

  it('lets an admin list any user, and a customer only themselves', async () => {
    expect((await pages(root, { user_id: 'usr_dave', page_size: 3 })).flat()).toEqual(
      [...daveIds].reverse(),
    );
    const denied = await h.call('ListOrders', { user_id: 'usr_dave' }, alice);
    expect(denied.code).toBe(grpc.status.PERMISSION_DENIED);
    expect((await h.call('ListOrders', { user_id: 'usr_alice' }, alice)).code).toBe(grpc.status.OK);
    expect((await pages(alice, {})).flat()).not.toContain(daveIds[0]);
  });

  it('refuses malformed or foreign page tokens and bad page sizes', async () => {
    const first = await h.call<ListOrdersResponse__Output>('ListOrders', { page_size: 1 }, dave);
    const foreign = first.response!.next_page_token;
    expect(foreign).not.toBe('');
    for (const [req, headers] of [
      [{ page_token: 'not a token' }, dave],
      [{ page_token: Buffer.from('{"v":1}').toString('base64url') }, dave],
      [{ page_token: foreign }, alice],
      [{ page_token: foreign, user_id: 'usr_alice' }, root],
      [{ page_size: 101 }, dave],
      [{ page_size: -1 }, dave],
    ] as const) {
      expect((await h.call('ListOrders', req, headers)).code).toBe(grpc.status.INVALID_ARGUMENT);
    }
  });
});

describe('CancelOrder', () => {
  it('lets the owner cancel a PENDING order, once', async () => {
    const { id } = (await create(bob)).response!;
    const out = await h.call<Order__Output>('CancelOrder', { order_id: id }, bob);
    expect(out.code).toBe(grpc.status.OK);
    expect(out.response).toMatchObject({ id, status: 'ORDER_STATUS_CANCELLED' });
    const again = await h.call('CancelOrder', { order_id: id }, bob);
    expect([again.code, again.details]).toEqual([
      grpc.status.FAILED_PRECONDITION,
      'order is not pending',
    ]);
    const read = await h.call<Order__Output>('GetOrder', { order_id: id }, bob);
    expect(read.response!.status).toBe('ORDER_STATUS_CANCELLED');
  });

  it('hides the order from other customers and refuses admins, leaving it PENDING', async () => {
    const { id } = (await create(bob)).response!;
    expect((await h.call('CancelOrder', { order_id: id }, alice)).code).toBe(grpc.status.NOT_FOUND);
    expect((await h.call('CancelOrder', { order_id: id }, root)).code).toBe(
      grpc.status.PERMISSION_DENIED,
    );
    expect((await h.call('CancelOrder', { order_id: 'nope' }, bob)).code).toBe(
      grpc.status.NOT_FOUND,
    );
    expect((await h.call('CancelOrder', { order_id: '' }, bob)).code).toBe(
      grpc.status.INVALID_ARGUMENT,
    );
    expect(h.store.findById(id)!.status).toBe('ORDER_STATUS_PENDING');
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
