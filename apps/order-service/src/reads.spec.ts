import * as grpc from '@grpc/grpc-js';
import type { ListOrdersResponse__Output, Order__Output } from '@jwt-mesh/contracts';
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
