import type { ServerUnaryCall } from '@grpc/grpc-js';
import type { CreateOrderRequest__Output, Order } from '@jwt-mesh/contracts';
import { getCallLogger } from '@jwt-mesh/service-kit';
import { randomUUID } from 'node:crypto';
import type { CustomerDirectory } from '../clients/user-directory';
import { IdempotencyKeyReusedError, UpstreamError } from '../domain/errors';
import { ORDER_STATUS, sameItems, type LineItem, type OrderRecord } from '../domain/order';
import { validateIdempotencyKey, validateItems } from '../domain/validate';
import type { OrderStore } from '../store/order-store';
import { callerOf, toOrderMessage } from './order-message';

export interface CreateOrderDeps {
  store: OrderStore;
  users: CustomerDirectory;
  now: () => number;
}

/**
 * Validates, confirms the customer with user-service on the caller's token, then stores. A repeated
 * idempotency key returns the first order (Stripe semantics: different items → FAILED_PRECONDITION)
 * without calling user-service again.
 */
export function createOrder(deps: CreateOrderDeps) {
  return async (call: ServerUnaryCall<CreateOrderRequest__Output, Order>): Promise<Order> => {
    const caller = callerOf(call);
    const { items, totalCents } = validateItems(call.request.items);
    const key = validateIdempotencyKey(call.request.idempotency_key);
    const log = getCallLogger(call);

    if (key) {
      const first = deps.store.findByIdempotencyKey(caller.subject, key);
      if (first) return replay(first, items, log);
    }

    const customer = await deps.users.getCaller(call);
    if (customer.id !== caller.subject) {
      // user-service answered for someone else: never attach another person's name to an order.
      log.error({ downstream: 'user-service' }, 'GetMe returned another subject');
      throw UpstreamError.unavailable();
    }
    assertCallStillWanted(call, deps.now());

    const result = deps.store.insert({
      id: randomUUID(),
      userId: caller.subject,
      items,
      totalCents,
      status: ORDER_STATUS.PENDING,
      createdAtMs: deps.now(),
      customerName: customer.displayName,
      idempotencyKey: key,
    });
    if (!result.created) return replay(result.order, items, log);
    log.info({ orderId: result.order.id, totalCents }, 'order created');
    return toOrderMessage(result.order);
  };
}

function replay(
  first: OrderRecord,
  items: readonly LineItem[],
  log: ReturnType<typeof getCallLogger>,
): Order {
  if (!sameItems(first.items, items)) throw new IdempotencyKeyReusedError();
  log.info({ orderId: first.id }, 'idempotent replay');
  return toOrderMessage(first);
}

/** Nothing is stored for a caller who has gone away or whose deadline has passed. */
function assertCallStillWanted(call: ServerUnaryCall<unknown, unknown>, now: number): void {
  if (call.cancelled) throw UpstreamError.cancelled();
  const d = call.getDeadline();
  const deadline = d instanceof Date ? d.getTime() : d;
  if (now >= deadline) throw UpstreamError.deadlineExceeded();
}
