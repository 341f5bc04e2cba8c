import type * as grpc from '@grpc/grpc-js';
import { loadMesh, type OrderServiceHandlers, type UserServiceClient } from '@jwt-mesh/contracts';
import { findPrincipal } from '@jwt-mesh/jwt-interceptor';
import { createServiceAuthInterceptor, type AuthSettings } from '@jwt-mesh/service-auth';
import { startGrpcServer, unary, type RunningServer } from '@jwt-mesh/service-kit';
import type pino from 'pino';
import { createUserDirectory } from './clients/user-directory';
import { toStatus } from './errors';
import { cancelOrder } from './handlers/cancel-order';
import { createOrder } from './handlers/create-order';
import { getOrder } from './handlers/get-order';
import { listOrders } from './handlers/list-orders';
import type { OrderStore } from './store/order-store';

export type { AuthSettings } from '@jwt-mesh/service-auth';

/** Everything order-service needs; main/start.ts builds it from config, tests build it by hand. */
export interface OrderServerDeps {
  host: string;
  port: number;
  logger: pino.Logger;
  auth: AuthSettings;
  /**
   * Replaces the interceptor built from `auth`. Plain dependency injection for the benchmark's
   * baselines (no auth, reference tokens); start.ts never sets it, and no variable reaches it.
   */
  authInterceptor?: grpc.ServerInterceptor;
  store: OrderStore;
  /** The process's one user-service client (see clients/user-directory.ts). */
  userClient: UserServiceClient;
  userServiceTimeoutMs: number;
  /** Milliseconds clock for created_at and deadline checks. */
  now?: () => number;
}

/**
 * Starts OrderService with the auth interceptor on every method except health and reflection
 * (exact paths). No environment, no globals: resources are passed in and closed by their owner.
 * @example
 * const running = await createOrderServer({ host: '127.0.0.1', port: 0, logger, auth, store, userClient,
 *   userServiceTimeoutMs: 2000 });
 */
export async function createOrderServer(deps: OrderServerDeps): Promise<RunningServer> {
  const now = deps.now ?? Date.now;
  const { packageDefinition, grpcObject } = loadMesh();
  const users = createUserDirectory(deps.userClient, { timeoutMs: deps.userServiceTimeoutMs, now });
  const implementation: OrderServiceHandlers = {
    CreateOrder: unary(createOrder({ store: deps.store, users, now }), toStatus),
    GetOrder: unary(getOrder(deps), toStatus),
    ListOrders: unary(listOrders(deps), toStatus),
    CancelOrder: unary(cancelOrder(deps), toStatus),
  };
  return startGrpcServer({
    service: 'order-service',
    host: deps.host,
    port: deps.port,
    services: [{ definition: grpcObject.mesh.order.v1.OrderService.service, implementation }],
    packageDefinition,
    interceptors: [deps.authInterceptor ?? createServiceAuthInterceptor(deps.auth, deps.logger)],
    subjectOf: (md: grpc.Metadata) => findPrincipal(md)?.subject,
    logger: deps.logger,
  });
}
