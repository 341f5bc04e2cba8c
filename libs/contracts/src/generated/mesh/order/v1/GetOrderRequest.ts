// Original file: protos/mesh/order/v1/order.proto


export interface GetOrderRequest {
  'order_id'?: (string);
}

export interface GetOrderRequest__Output {
  'order_id': (string);
}
