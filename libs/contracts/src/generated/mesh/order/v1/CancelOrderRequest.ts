// Original file: protos/mesh/order/v1/order.proto


export interface CancelOrderRequest {
  'order_id'?: (string);
}

export interface CancelOrderRequest__Output {
  'order_id': (string);
}
