import type { Order } from '@jwt-mesh/contracts';
import type { ServerUnaryCall } from '@grpc/grpc-js';
import { getPrincipal } from '@jwt-mesh/jwt-interceptor';
import type { Caller, OrderRecord } from '../domain/order';

/** The domain's view of the verified caller; roles come from the token, never from the request. */
export function callerOf(call: ServerUnaryCall<unknown, unknown>): Caller {
  const p = getPrincipal(call);
  return { subject: p.subject, isAdmin: p.roles.includes('admin') };
}

/** Stored order → wire message (int64 as decimal strings, Timestamp as seconds + nanos). */
export function toOrderMessage(o: OrderRecord): Order {
  return {
    id: o.id,
    user_id: o.userId,
    items: o.items.map((i) => ({
      sku: i.sku,
      quantity: i.quantity,
      unit_price_cents: String(i.unitPriceCents),
    })),
    total_cents: String(o.totalCents),
    status: o.status,
    created_at: {
      seconds: String(Math.floor(o.createdAtMs / 1000)),
      nanos: (o.createdAtMs % 1000) * 1_000_000,
    },
    customer_name: o.customerName,
  };
}
