import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from './google/protobuf/Timestamp';
import type { CancelOrderRequest as _mesh_order_v1_CancelOrderRequest, CancelOrderRequest__Output as _mesh_order_v1_CancelOrderRequest__Output } from './mesh/order/v1/CancelOrderRequest';
import type { CreateOrderRequest as _mesh_order_v1_CreateOrderRequest, CreateOrderRequest__Output as _mesh_order_v1_CreateOrderRequest__Output } from './mesh/order/v1/CreateOrderRequest';
import type { GetOrderRequest as _mesh_order_v1_GetOrderRequest, GetOrderRequest__Output as _mesh_order_v1_GetOrderRequest__Output } from './mesh/order/v1/GetOrderRequest';
import type { ListOrdersRequest as _mesh_order_v1_ListOrdersRequest, ListOrdersRequest__Output as _mesh_order_v1_ListOrdersRequest__Output } from './mesh/order/v1/ListOrdersRequest';
import type { ListOrdersResponse as _mesh_order_v1_ListOrdersResponse, ListOrdersResponse__Output as _mesh_order_v1_ListOrdersResponse__Output } from './mesh/order/v1/ListOrdersResponse';
import type { Order as _mesh_order_v1_Order, Order__Output as _mesh_order_v1_Order__Output } from './mesh/order/v1/Order';
import type { OrderItem as _mesh_order_v1_OrderItem, OrderItem__Output as _mesh_order_v1_OrderItem__Output } from './mesh/order/v1/OrderItem';
import type { OrderServiceClient as _mesh_order_v1_OrderServiceClient, OrderServiceDefinition as _mesh_order_v1_OrderServiceDefinition } from './mesh/order/v1/OrderService';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  google: {
    protobuf: {
      Timestamp: MessageTypeDefinition<_google_protobuf_Timestamp, _google_protobuf_Timestamp__Output>
    }
  }
  mesh: {
    order: {
      v1: {
        CancelOrderRequest: MessageTypeDefinition<_mesh_order_v1_CancelOrderRequest, _mesh_order_v1_CancelOrderRequest__Output>
        CreateOrderRequest: MessageTypeDefinition<_mesh_order_v1_CreateOrderRequest, _mesh_order_v1_CreateOrderRequest__Output>
        GetOrderRequest: MessageTypeDefinition<_mesh_order_v1_GetOrderRequest, _mesh_order_v1_GetOrderRequest__Output>
        ListOrdersRequest: MessageTypeDefinition<_mesh_order_v1_ListOrdersRequest, _mesh_order_v1_ListOrdersRequest__Output>
        ListOrdersResponse: MessageTypeDefinition<_mesh_order_v1_ListOrdersResponse, _mesh_order_v1_ListOrdersResponse__Output>
        Order: MessageTypeDefinition<_mesh_order_v1_Order, _mesh_order_v1_Order__Output>
        OrderItem: MessageTypeDefinition<_mesh_order_v1_OrderItem, _mesh_order_v1_OrderItem__Output>
        OrderService: SubtypeConstructor<typeof grpc.Client, _mesh_order_v1_OrderServiceClient> & { service: _mesh_order_v1_OrderServiceDefinition }
        OrderStatus: EnumTypeDefinition
      }
    }
  }
}

