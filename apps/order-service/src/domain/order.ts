/** Order model of order-service: plain data, money as integer cents. */

export const ORDER_STATUS = Object.freeze({
  PENDING: 'ORDER_STATUS_PENDING',
  CANCELLED: 'ORDER_STATUS_CANCELLED',
} as const);
export type OrderStatus = (typeof ORDER_STATUS)[keyof typeof ORDER_STATUS];

export interface LineItem {
  readonly sku: string;
  readonly quantity: number;
  /** Integer cents, 0..Number.MAX_SAFE_INTEGER. */
  readonly unitPriceCents: number;
}

export interface OrderRecord {
  readonly id: string;
  readonly userId: string;
  readonly items: readonly LineItem[];
  readonly totalCents: number;
  readonly status: OrderStatus;
  /** Milliseconds since the Unix epoch. */
  readonly createdAtMs: number;
  readonly customerName: string;
  readonly idempotencyKey: string | null;
  /** Insertion sequence: the keyset for "newest first" pagination. */
  readonly seq: number;
}

export type NewOrder = Omit<OrderRecord, 'seq'>;

/** Who is asking, as far as the domain rules care. */
export interface Caller {
  readonly subject: string;
  readonly isAdmin: boolean;
}

/** Two item lists are the same request when they are equal element by element, in order. */
export function sameItems(a: readonly LineItem[], b: readonly LineItem[]): boolean {
  return (
    a.length === b.length &&
    a.every(
      (x, i) =>
        x.sku === b[i].sku &&
        x.quantity === b[i].quantity &&
        x.unitPriceCents === b[i].unitPriceCents,
    )
  );
}

/** The owner and admins may read an order; for anyone else it does not exist. */
export function canRead(caller: Caller, order: OrderRecord): boolean {
  return caller.isAdmin || order.userId === caller.subject;
}
