import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ORDER_STATUS, type NewOrder } from '../domain/order';
import { openOrderStore } from './order-store';

let n = 0;
const newOrder = (over: Partial<NewOrder> = {}): NewOrder => ({
  id: `ord-${++n}`,
  userId: 'usr_alice',
  items: [{ sku: 'A', quantity: 2, unitPriceCents: 5 }],
  totalCents: 10,
  status: ORDER_STATUS.PENDING,
  createdAtMs: 1_700_000_000_123,
  customerName: 'Alice',
  idempotencyKey: null,
  ...over,
});

describe('openOrderStore', () => {
  it('inserts, finds and lists newest first with a keyset', () => {
    const store = openOrderStore(':memory:');
    const ids = [1, 2, 3, 4, 5].map(() => store.insert(newOrder()).order.id);
    store.insert(newOrder({ userId: 'usr_bob' }));
    expect(store.findById(ids[0])).toMatchObject({
      userId: 'usr_alice',
      totalCents: 10,
      items: [{ sku: 'A' }],
    });
    const first = store.listByUser('usr_alice', 2);
    expect(first.map((o) => o.id)).toEqual([ids[4], ids[3]]);
    const second = store.listByUser('usr_alice', 10, first[1].seq);
    expect(second.map((o) => o.id)).toEqual([ids[2], ids[1], ids[0]]);
    store.close();
  });

  it('keeps one order per (user, idempotency key) and allows no-key duplicates', () => {
    const store = openOrderStore(':memory:');
    const a = store.insert(newOrder({ idempotencyKey: 'k1' }));
    const b = store.insert(newOrder({ idempotencyKey: 'k1', totalCents: 99 }));
    const c = store.insert(newOrder({ idempotencyKey: 'k1', userId: 'usr_bob' }));
    expect(a.created).toBe(true);
    expect(b).toEqual({ created: false, order: a.order });
    expect(c.created).toBe(true);
    expect(store.insert(newOrder()).created && store.insert(newOrder()).created).toBe(true);
    expect(store.findByIdempotencyKey('usr_alice', 'k1')?.id).toBe(a.order.id);
    store.close();
  });

  it('cancels only from PENDING', () => {
    const store = openOrderStore(':memory:');
    const { order } = store.insert(newOrder());
    expect(store.cancel(order.id)).toMatchObject({
      cancelled: true,
      order: { status: ORDER_STATUS.CANCELLED },
    });
    expect(store.cancel(order.id)).toMatchObject({
      cancelled: false,
      order: { status: ORDER_STATUS.CANCELLED },
    });
    expect(store.cancel('nope')).toBeUndefined();
    store.close();
  });

  it('creates the folder, uses WAL and keeps data across reopen', () => {
    const dir = mkdtempSync(join(tmpdir(), 'orders-'));
    try {
      const file = join(dir, 'nested', 'orders.db');
      const store = openOrderStore(file);
      const { order } = store.insert(newOrder());
      store.close();
      const again = openOrderStore(file);
      expect(again.findById(order.id)).toEqual(order);
      again.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
