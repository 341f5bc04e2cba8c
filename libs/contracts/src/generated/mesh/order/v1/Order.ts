// Original file: protos/mesh/order/v1/order.proto

import type { OrderItem as _mesh_order_v1_OrderItem, OrderItem__Output as _mesh_order_v1_OrderItem__Output } from '../../../mesh/order/v1/OrderItem';
import type { OrderStatus as _mesh_order_v1_OrderStatus, OrderStatus__Output as _mesh_order_v1_OrderStatus__Output } from '../../../mesh/order/v1/OrderStatus';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';
import type { Long } from '@grpc/proto-loader';

export interface Order {
  'id'?: (string);
  'user_id'?: (string);
  'items'?: (_mesh_order_v1_OrderItem)[];
  'total_cents'?: (number | string | Long);
  'status'?: (_mesh_order_v1_OrderStatus);
  'created_at'?: (_google_protobuf_Timestamp | null);
  'customer_name'?: (string);
}

export interface Order__Output {
  'id': (string);
  'user_id': (string);
  'items': (_mesh_order_v1_OrderItem__Output)[];
  'total_cents': (string);
  'status': (_mesh_order_v1_OrderStatus__Output);
  'created_at': (_google_protobuf_Timestamp__Output | null);
  'customer_name': (string);
}
