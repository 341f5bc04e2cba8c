import type { ServerUnaryCall } from '@grpc/grpc-js';
import type { GetOrderRequest__Output, Order } from '@jwt-mesh/contracts';
import { OrderNotFoundError } from '../domain/errors';
import { canRead } from '../domain/order';
import { validateId } from '../domain/validate';
import type { OrderStore } from '../store/order-store';
import { callerOf, toOrderMessage } from './order-message';

/** The owner or an admin; for anyone else the order does not exist. Never calls user-service. */
export function getOrder(deps: { store: OrderStore }) {
  return async (call: ServerUnaryCall<GetOrderRequest__Output, Order>): Promise<Order> => {
    const caller = callerOf(call);
    const id = validateId('order_id', call.request.order_id);
    const order = deps.store.findById(id);
    if (!order || !canRead(caller, order)) throw new OrderNotFoundError();
    return toOrderMessage(order);
  };
}
