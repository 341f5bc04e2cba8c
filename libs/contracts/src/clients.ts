import * as grpc from '@grpc/grpc-js';
import type { AuthServiceClient } from './generated/mesh/auth/v1/AuthService';
import type { OrderServiceClient } from './generated/mesh/order/v1/OrderService';
import type { UserServiceClient } from './generated/mesh/user/v1/UserService';
import { loadMesh } from './load';
import { ROUND_ROBIN_CHANNEL_OPTIONS, toTarget } from './target';

export interface ClientOptions {
  /** Default: insecure (plaintext), as on loopback or inside a mesh that adds mTLS. */
  credentials?: grpc.ChannelCredentials;
  /** Client interceptors, e.g. propagateTokenInterceptor or createBearerTokenInterceptor(...). */
  interceptors?: grpc.Interceptor[];
  channelOptions?: grpc.ChannelOptions;
}

type Ctor<T> = new (target: string, creds: grpc.ChannelCredentials, opts?: grpc.ClientOptions) => T;

function make<T>(ctor: Ctor<T>, addresses: string | readonly string[], o: ClientOptions = {}): T {
  const list = typeof addresses === 'string' ? addresses.split(',') : addresses;
  return new ctor(toTarget(list), o.credentials ?? grpc.credentials.createInsecure(), {
    ...ROUND_ROBIN_CHANNEL_OPTIONS,
    ...o.channelOptions,
    interceptors: o.interceptors ?? [],
  });
}

/**
 * Clients hold one channel each: create them once per process and reuse them.
 * @example
 * const users = createUserClient('127.0.0.1:50052', { interceptors: [propagateTokenInterceptor] });
 */
export function createAuthClient(addresses: string | readonly string[], o?: ClientOptions) {
  return make<AuthServiceClient>(loadMesh().grpcObject.mesh.auth.v1.AuthService, addresses, o);
}

export function createUserClient(addresses: string | readonly string[], o?: ClientOptions) {
  return make<UserServiceClient>(loadMesh().grpcObject.mesh.user.v1.UserService, addresses, o);
}

export function createOrderClient(addresses: string | readonly string[], o?: ClientOptions) {
  return make<OrderServiceClient>(loadMesh().grpcObject.mesh.order.v1.OrderService, addresses, o);
}
