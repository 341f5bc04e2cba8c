import type { ServerUnaryCall } from '@grpc/grpc-js';
import type { CancelOrderRequest__Output, Order } from '@jwt-mesh/contracts';
import { getCallLogger } from '@jwt-mesh/service-kit';
import { OrderNotFoundError, OrderNotPendingError, PermissionDeniedError } from '../domain/errors';
import { canRead } from '../domain/order';
import { validateId } from '../domain/validate';
import type { OrderStore } from '../store/order-store';
import { callerOf, toOrderMessage } from './order-message';

/**
 * The owner cancels a PENDING order. Customers who cannot see the order get NOT_FOUND; an admin, who
 * can see it anyway, gets PERMISSION_DENIED (nothing to hide from them, and the reason is clearer).
 */
export function cancelOrder(deps: { store: OrderStore }) {
  return async (call: ServerUnaryCall<CancelOrderRequest__Output, Order>): Promise<Order> => {
    const caller = callerOf(call);
    const id = validateId('order_id', call.request.order_id);
    const order = deps.store.findById(id);
    if (!order || !canRead(caller, order)) throw new OrderNotFoundError();
    if (order.userId !== caller.subject) {
      throw new PermissionDeniedError('only the owner may cancel an order');
    }
    const result = deps.store.cancel(id);
    if (!result) throw new OrderNotFoundError();
    if (!result.cancelled) throw new OrderNotPendingError();
    getCallLogger(call).info({ orderId: id }, 'order cancelled');
    return toOrderMessage(result.order);
  };
}
