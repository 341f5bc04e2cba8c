// Original file: protos/mesh/order/v1/order.proto

import type { OrderItem as _mesh_order_v1_OrderItem, OrderItem__Output as _mesh_order_v1_OrderItem__Output } from '../../../mesh/order/v1/OrderItem';

export interface CreateOrderRequest {
  'items'?: (_mesh_order_v1_OrderItem)[];
  'idempotency_key'?: (string);
}

export interface CreateOrderRequest__Output {
  'items': (_mesh_order_v1_OrderItem__Output)[];
  'idempotency_key': (string);
}
