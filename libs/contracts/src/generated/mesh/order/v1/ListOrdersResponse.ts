// Original file: protos/mesh/order/v1/order.proto

import type { Order as _mesh_order_v1_Order, Order__Output as _mesh_order_v1_Order__Output } from '../../../mesh/order/v1/Order';

export interface ListOrdersResponse {
  'orders'?: (_mesh_order_v1_Order)[];
  'next_page_token'?: (string);
}

export interface ListOrdersResponse__Output {
  'orders': (_mesh_order_v1_Order__Output)[];
  'next_page_token': (string);
}
