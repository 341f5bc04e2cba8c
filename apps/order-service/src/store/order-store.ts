import { createPrivateFile } from '@jwt-mesh/service-kit';
import Database from 'better-sqlite3';
import {
  ORDER_STATUS,
  type LineItem,
  type NewOrder,
  type OrderRecord,
  type OrderStatus,
} from '../domain/order';

/** Persistence of orders. Synchronous (better-sqlite3): each method is atomic on its own. */
export interface OrderStore {
  /**
   * Inserts the order unless the same user already has an order with the same idempotency key;
   * in that case nothing is written and the existing order is returned. The UNIQUE(user_id,
   * idempotency_key) constraint decides races between concurrent duplicates.
   */
  insert(
    order: NewOrder,
  ): { created: true; order: OrderRecord } | { created: false; order: OrderRecord };
  findById(id: string): OrderRecord | undefined;
  findByIdempotencyKey(userId: string, key: string): OrderRecord | undefined;
  /** Newest first; `beforeSeq` continues after a previous page. */
  listByUser(userId: string, limit: number, beforeSeq?: number): OrderRecord[];
  /** PENDING → CANCELLED, atomically. Returns the order after the attempt, or undefined if absent. */
  cancel(id: string): { cancelled: boolean; order: OrderRecord } | undefined;
  close(): void;
}

interface Row {
  seq: number;
  id: string;
  user_id: string;
  items_json: string;
  total_cents: number;
  status: OrderStatus;
  created_at_ms: number;
  customer_name: string;
  idempotency_key: string | null;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS orders (
  seq             INTEGER PRIMARY KEY AUTOINCREMENT,
  id              TEXT    NOT NULL UNIQUE,
  user_id         TEXT    NOT NULL,
  items_json      TEXT    NOT NULL,
  total_cents     INTEGER NOT NULL CHECK (total_cents >= 0),
  status          TEXT    NOT NULL CHECK (status IN ('${ORDER_STATUS.PENDING}', '${ORDER_STATUS.CANCELLED}')),
  created_at_ms   INTEGER NOT NULL,
  customer_name   TEXT    NOT NULL,
  idempotency_key TEXT,
  UNIQUE (user_id, idempotency_key)
);
CREATE INDEX IF NOT EXISTS orders_by_user ON orders (user_id, seq DESC);
`;

/**
 * Opens (and creates, with its folder) the orders database. `':memory:'` for tests.
 * @example
 * const store = openOrderStore(join(config.DATA_DIR, 'orders.db'));
 */
export function openOrderStore(file: string): OrderStore {
  // Profiles and orders are personal data: owner-only, like auth-service's files.
  if (file !== ':memory:') createPrivateFile(file);
  const db = new Database(file);
  if (file !== ':memory:') db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  db.exec(SCHEMA);

  const insert = db.prepare(`
    INSERT INTO orders (id, user_id, items_json, total_cents, status, created_at_ms, customer_name, idempotency_key)
    VALUES (@id, @user_id, @items_json, @total_cents, @status, @created_at_ms, @customer_name, @idempotency_key)
    ON CONFLICT (user_id, idempotency_key) DO NOTHING`);
  const byId = db.prepare<[string], Row>('SELECT * FROM orders WHERE id = ?');
  const byKey = db.prepare<[string, string], Row>(
    'SELECT * FROM orders WHERE user_id = ? AND idempotency_key = ?',
  );
  const page = db.prepare<[string, number, number], Row>(
    'SELECT * FROM orders WHERE user_id = ? AND seq < ? ORDER BY seq DESC LIMIT ?',
  );
  const cancel = db.prepare<[string]>(
    `UPDATE orders SET status = '${ORDER_STATUS.CANCELLED}' WHERE id = ? AND status = '${ORDER_STATUS.PENDING}'`,
  );

  return {
    insert(order) {
      const info = insert.run({
        id: order.id,
        user_id: order.userId,
        items_json: JSON.stringify(order.items),
        total_cents: order.totalCents,
        status: order.status,
        created_at_ms: order.createdAtMs,
        customer_name: order.customerName,
        idempotency_key: order.idempotencyKey,
      });
      if (info.changes === 1) return { created: true, order: fromRow(byId.get(order.id)!) };
      // Only the idempotency constraint can be ignored by DO NOTHING (the id is a fresh UUID).
      return { created: false, order: fromRow(byKey.get(order.userId, order.idempotencyKey!)!) };
    },
    findById: (id) => mapRow(byId.get(id)),
    findByIdempotencyKey: (userId, key) => mapRow(byKey.get(userId, key)),
    listByUser: (userId, limit, beforeSeq) =>
      page.all(userId, beforeSeq ?? Number.MAX_SAFE_INTEGER, limit).map(fromRow),
    cancel(id) {
      const cancelled = cancel.run(id).changes === 1;
      const row = byId.get(id);
      return row ? { cancelled, order: fromRow(row) } : undefined;
    },
    close: () => db.close(),
  };
}

function mapRow(row: Row | undefined): OrderRecord | undefined {
  return row ? fromRow(row) : undefined;
}

function fromRow(row: Row): OrderRecord {
  return {
    seq: row.seq,
    id: row.id,
    userId: row.user_id,
    items: JSON.parse(row.items_json) as LineItem[],
    totalCents: row.total_cents,
    status: row.status,
    createdAtMs: row.created_at_ms,
    customerName: row.customer_name,
    idempotencyKey: row.idempotency_key,
  };
}
