// Original file: protos/mesh/order/v1/order.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { CancelOrderRequest as _mesh_order_v1_CancelOrderRequest, CancelOrderRequest__Output as _mesh_order_v1_CancelOrderRequest__Output } from '../../../mesh/order/v1/CancelOrderRequest';
import type { CreateOrderRequest as _mesh_order_v1_CreateOrderRequest, CreateOrderRequest__Output as _mesh_order_v1_CreateOrderRequest__Output } from '../../../mesh/order/v1/CreateOrderRequest';
import type { GetOrderRequest as _mesh_order_v1_GetOrderRequest, GetOrderRequest__Output as _mesh_order_v1_GetOrderRequest__Output } from '../../../mesh/order/v1/GetOrderRequest';
import type { ListOrdersRequest as _mesh_order_v1_ListOrdersRequest, ListOrdersRequest__Output as _mesh_order_v1_ListOrdersRequest__Output } from '../../../mesh/order/v1/ListOrdersRequest';
import type { ListOrdersResponse as _mesh_order_v1_ListOrdersResponse, ListOrdersResponse__Output as _mesh_order_v1_ListOrdersResponse__Output } from '../../../mesh/order/v1/ListOrdersResponse';
import type { Order as _mesh_order_v1_Order, Order__Output as _mesh_order_v1_Order__Output } from '../../../mesh/order/v1/Order';

export interface OrderServiceClient extends grpc.Client {
  CancelOrder(argument: _mesh_order_v1_CancelOrderRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mesh_order_v1_Order__Output>): grpc.ClientUnaryCall;
  CancelOrder(argument: _mesh_order_v1_CancelOrderRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mesh_order_v1_Order__Output>): grpc.ClientUnaryCall;
  CancelOrder(argument: _mesh_order_v1_CancelOrderRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mesh_order_v1_Order__Output>): grpc.ClientUnaryCall;
  CancelOrder(argument: _mesh_order_v1_CancelOrderRequest, callback: grpc.requestCallback<_mesh_order_v1_Order__Output>): grpc.ClientUnaryCall;
  cancelOrder(argument: _mesh_order_v1_CancelOrderRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mesh_order_v1_Order__Output>): grpc.ClientUnaryCall;
  cancelOrder(argument: _mesh_order_v1_CancelOrderRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mesh_order_v1_Order__Output>): grpc.ClientUnaryCall;
  cancelOrder(argument: _mesh_order_v1_CancelOrderRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mesh_order_v1_Order__Output>): grpc.ClientUnaryCall;
  cancelOrder(argument: _mesh_order_v1_CancelOrderRequest, callback: grpc.requestCallback<_mesh_order_v1_Order__Output>): grpc.ClientUnaryCall;
  
  CreateOrder(argument: _mesh_order_v1_CreateOrderRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mesh_order_v1_Order__Output>): grpc.ClientUnaryCall;
  CreateOrder(argument: _mesh_order_v1_CreateOrderRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mesh_order_v1_Order__Output>): grpc.ClientUnaryCall;
  CreateOrder(argument: _mesh_order_v1_CreateOrderRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mesh_order_v1_Order__Output>): grpc.ClientUnaryCall;
  CreateOrder(argument: _mesh_order_v1_CreateOrderRequest, callback: grpc.requestCallback<_mesh_order_v1_Order__Output>): grpc.ClientUnaryCall;
  createOrder(argument: _mesh_order_v1_CreateOrderRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mesh_order_v1_Order__Output>): grpc.ClientUnaryCall;
  createOrder(argument: _mesh_order_v1_CreateOrderRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mesh_order_v1_Order__Output>): grpc.ClientUnaryCall;
  createOrder(argument: _mesh_order_v1_CreateOrderRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mesh_order_v1_Order__Output>): grpc.ClientUnaryCall;
  createOrder(argument: _mesh_order_v1_CreateOrderRequest, callback: grpc.requestCallback<_mesh_order_v1_Order__Output>): grpc.ClientUnaryCall;
  
  GetOrder(argument: _mesh_order_v1_GetOrderRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mesh_order_v1_Order__Output>): grpc.ClientUnaryCall;
  GetOrder(argument: _mesh_order_v1_GetOrderRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mesh_order_v1_Order__Output>): grpc.ClientUnaryCall;
  GetOrder(argument: _mesh_order_v1_GetOrderRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mesh_order_v1_Order__Output>): grpc.ClientUnaryCall;
  GetOrder(argument: _mesh_order_v1_GetOrderRequest, callback: grpc.requestCallback<_mesh_order_v1_Order__Output>): grpc.ClientUnaryCall;
  getOrder(argument: _mesh_order_v1_GetOrderRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mesh_order_v1_Order__Output>): grpc.ClientUnaryCall;
  getOrder(argument: _mesh_order_v1_GetOrderRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mesh_order_v1_Order__Output>): grpc.ClientUnaryCall;
  getOrder(argument: _mesh_order_v1_GetOrderRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mesh_order_v1_Order__Output>): grpc.ClientUnaryCall;
  getOrder(argument: _mesh_order_v1_GetOrderRequest, callback: grpc.requestCallback<_mesh_order_v1_Order__Output>): grpc.ClientUnaryCall;
  
  ListOrders(argument: _mesh_order_v1_ListOrdersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mesh_order_v1_ListOrdersResponse__Output>): grpc.ClientUnaryCall;
  ListOrders(argument: _mesh_order_v1_ListOrdersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mesh_order_v1_ListOrdersResponse__Output>): grpc.ClientUnaryCall;
  ListOrders(argument: _mesh_order_v1_ListOrdersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mesh_order_v1_ListOrdersResponse__Output>): grpc.ClientUnaryCall;
  ListOrders(argument: _mesh_order_v1_ListOrdersRequest, callback: grpc.requestCallback<_mesh_order_v1_ListOrdersResponse__Output>): grpc.ClientUnaryCall;
  listOrders(argument: _mesh_order_v1_ListOrdersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mesh_order_v1_ListOrdersResponse__Output>): grpc.ClientUnaryCall;
  listOrders(argument: _mesh_order_v1_ListOrdersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mesh_order_v1_ListOrdersResponse__Output>): grpc.ClientUnaryCall;
  listOrders(argument: _mesh_order_v1_ListOrdersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mesh_order_v1_ListOrdersResponse__Output>): grpc.ClientUnaryCall;
  listOrders(argument: _mesh_order_v1_ListOrdersRequest, callback: grpc.requestCallback<_mesh_order_v1_ListOrdersResponse__Output>): grpc.ClientUnaryCall;
  
}

export interface OrderServiceHandlers extends grpc.UntypedServiceImplementation {
  CancelOrder: grpc.handleUnaryCall<_mesh_order_v1_CancelOrderRequest__Output, _mesh_order_v1_Order>;
  
  CreateOrder: grpc.handleUnaryCall<_mesh_order_v1_CreateOrderRequest__Output, _mesh_order_v1_Order>;
  
  GetOrder: grpc.handleUnaryCall<_mesh_order_v1_GetOrderRequest__Output, _mesh_order_v1_Order>;
  
  ListOrders: grpc.handleUnaryCall<_mesh_order_v1_ListOrdersRequest__Output, _mesh_order_v1_ListOrdersResponse>;
  
}

export interface OrderServiceDefinition extends grpc.ServiceDefinition {
  CancelOrder: MethodDefinition<_mesh_order_v1_CancelOrderRequest, _mesh_order_v1_Order, _mesh_order_v1_CancelOrderRequest__Output, _mesh_order_v1_Order__Output>
  CreateOrder: MethodDefinition<_mesh_order_v1_CreateOrderRequest, _mesh_order_v1_Order, _mesh_order_v1_CreateOrderRequest__Output, _mesh_order_v1_Order__Output>
  GetOrder: MethodDefinition<_mesh_order_v1_GetOrderRequest, _mesh_order_v1_Order, _mesh_order_v1_GetOrderRequest__Output, _mesh_order_v1_Order__Output>
  ListOrders: MethodDefinition<_mesh_order_v1_ListOrdersRequest, _mesh_order_v1_ListOrdersResponse, _mesh_order_v1_ListOrdersRequest__Output, _mesh_order_v1_ListOrdersResponse__Output>
}
