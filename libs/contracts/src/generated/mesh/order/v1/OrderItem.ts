// Original file: protos/mesh/order/v1/order.proto

import type { Long } from '@grpc/proto-loader';

export interface OrderItem {
  'sku'?: (string);
  'quantity'?: (number);
  'unit_price_cents'?: (number | string | Long);
}

export interface OrderItem__Output {
  'sku': (string);
  'quantity': (number);
  'unit_price_cents': (string);
}
