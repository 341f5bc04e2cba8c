import { withSession } from '../authed';
import type { ListOrdersResponse__Output, Order__Output } from '@jwt-mesh/contracts';
import type { AppContext } from '../context';
import { formatOrder, formatOrderRow, orderToJson } from '../format-order';
import type { ItemInput } from '../items';

const SERVICE = 'order-service';

/** `orders create --item SKU:QTY:CENTS ... [--idempotency-key K]` */
export async function ordersCreate(
  ctx: AppContext,
  items: ItemInput[],
  idempotencyKey = '',
): Promise<void> {
  const order = await withSession(ctx, () =>
    ctx.call<Order__Output>(SERVICE, (md, o, cb) =>
      ctx.mesh.order.CreateOrder({ items, idempotency_key: idempotencyKey }, md, o, cb),
    ),
  );
  ctx.out.result(orderToJson(order), ['Order created.', ...formatOrder(order)]);
}

/** `orders get ID` */
export async function ordersGet(ctx: AppContext, orderId: string): Promise<void> {
  const order = await withSession(ctx, () =>
    ctx.call<Order__Output>(SERVICE, (md, o, cb) =>
      ctx.mesh.order.GetOrder({ order_id: orderId }, md, o, cb),
    ),
  );
  ctx.out.result(orderToJson(order), formatOrder(order));
}

/** `orders cancel ID` */
export async function ordersCancel(ctx: AppContext, orderId: string): Promise<void> {
  const order = await withSession(ctx, () =>
    ctx.call<Order__Output>(SERVICE, (md, o, cb) =>
      ctx.mesh.order.CancelOrder({ order_id: orderId }, md, o, cb),
    ),
  );
  ctx.out.result(orderToJson(order), ['Order cancelled.', ...formatOrder(order)]);
}

export interface ListOptions {
  pageSize?: number;
  pageToken?: string;
  userId?: string;
}

/** `orders list [--page-size N] [--page-token T] [--user-id ID]` */
export async function ordersList(ctx: AppContext, o: ListOptions): Promise<void> {
  const req = {
    page_size: o.pageSize ?? 0,
    page_token: o.pageToken ?? '',
    user_id: o.userId ?? '',
  };
  const res = await withSession(ctx, () =>
    ctx.call<ListOrdersResponse__Output>(SERVICE, (md, opts, cb) =>
      ctx.mesh.order.ListOrders(req, md, opts, cb),
    ),
  );
  const human = res.orders.length ? res.orders.map(formatOrderRow) : ['No orders.'];
  if (res.next_page_token) {
    const same = [
      o.pageSize === undefined ? '' : ` --page-size ${o.pageSize}`,
      o.userId ? ` --user-id ${o.userId}` : '',
    ].join('');
    human.push(
      `More: ${ctx.config.programName} orders list${same} --page-token ${res.next_page_token}`,
    );
  }
  ctx.out.result(
    { orders: res.orders.map(orderToJson), next_page_token: res.next_page_token },
    human,
  );
}
