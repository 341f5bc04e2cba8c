export { LOADER_OPTIONS, PROTO_FILES, findProtoRoot, loadMesh } from './load';
export type { LoadedMesh, MeshGrpcObject } from './load';
export { ROUND_ROBIN_CHANNEL_OPTIONS, splitHostPort, toTarget } from './target';
export { createAuthClient, createOrderClient, createUserClient } from './clients';
export type { ClientOptions } from './clients';

/** Full method paths, for exemptions (`skip`) and logs. */
export const METHODS = Object.freeze({
  auth: {
    Login: '/mesh.auth.v1.AuthService/Login',
    Refresh: '/mesh.auth.v1.AuthService/Refresh',
    Logout: '/mesh.auth.v1.AuthService/Logout',
    GetJwks: '/mesh.auth.v1.AuthService/GetJwks',
    Introspect: '/mesh.auth.v1.AuthService/Introspect',
    RotateKeys: '/mesh.auth.v1.AuthService/RotateKeys',
  },
  user: {
    GetMe: '/mesh.user.v1.UserService/GetMe',
    GetUser: '/mesh.user.v1.UserService/GetUser',
    ListUsers: '/mesh.user.v1.UserService/ListUsers',
  },
  order: {
    CreateOrder: '/mesh.order.v1.OrderService/CreateOrder',
    GetOrder: '/mesh.order.v1.OrderService/GetOrder',
    ListOrders: '/mesh.order.v1.OrderService/ListOrders',
    CancelOrder: '/mesh.order.v1.OrderService/CancelOrder',
  },
});

// Generated message and service types (proto-loader-gen-types; `npm run gen:protos`).
export type { AuthServiceClient, AuthServiceHandlers } from './generated/mesh/auth/v1/AuthService';
export type { LoginRequest__Output } from './generated/mesh/auth/v1/LoginRequest';
export type { TokenResponse, TokenResponse__Output } from './generated/mesh/auth/v1/TokenResponse';
export type { RefreshRequest__Output } from './generated/mesh/auth/v1/RefreshRequest';
export type { LogoutRequest__Output } from './generated/mesh/auth/v1/LogoutRequest';
export type {
  GetJwksResponse,
  GetJwksResponse__Output,
} from './generated/mesh/auth/v1/GetJwksResponse';
export type { IntrospectRequest__Output } from './generated/mesh/auth/v1/IntrospectRequest';
export type {
  IntrospectResponse,
  IntrospectResponse__Output,
} from './generated/mesh/auth/v1/IntrospectResponse';
export type {
  RotateKeysResponse,
  RotateKeysResponse__Output,
} from './generated/mesh/auth/v1/RotateKeysResponse';
export type { UserServiceClient, UserServiceHandlers } from './generated/mesh/user/v1/UserService';
export type { User, User__Output } from './generated/mesh/user/v1/User';
export type { GetUserRequest__Output } from './generated/mesh/user/v1/GetUserRequest';
export type { ListUsersRequest__Output } from './generated/mesh/user/v1/ListUsersRequest';
export type {
  ListUsersResponse,
  ListUsersResponse__Output,
} from './generated/mesh/user/v1/ListUsersResponse';
export type {
  OrderServiceClient,
  OrderServiceHandlers,
} from './generated/mesh/order/v1/OrderService';
export type { Order, Order__Output } from './generated/mesh/order/v1/Order';
export type { OrderItem, OrderItem__Output } from './generated/mesh/order/v1/OrderItem';
export type { OrderStatus, OrderStatus__Output } from './generated/mesh/order/v1/OrderStatus';
export type { CreateOrderRequest__Output } from './generated/mesh/order/v1/CreateOrderRequest';
export type { GetOrderRequest__Output } from './generated/mesh/order/v1/GetOrderRequest';
export type { ListOrdersRequest__Output } from './generated/mesh/order/v1/ListOrdersRequest';
export type {
  ListOrdersResponse,
  ListOrdersResponse__Output,
} from './generated/mesh/order/v1/ListOrdersResponse';
export type { CancelOrderRequest__Output } from './generated/mesh/order/v1/CancelOrderRequest';
export type { Timestamp, Timestamp__Output } from './generated/google/protobuf/Timestamp';
