// Original file: protos/mesh/order/v1/order.proto


export interface ListOrdersRequest {
  'page_size'?: (number);
  'page_token'?: (string);
  'user_id'?: (string);
}

export interface ListOrdersRequest__Output {
  'page_size': (number);
  'page_token': (string);
  'user_id': (string);
}
