import type * as grpc from '@grpc/grpc-js';
import { loadMesh, type UserServiceHandlers } from '@jwt-mesh/contracts';
import { findPrincipal } from '@jwt-mesh/jwt-interceptor';
import { createServiceAuthInterceptor, type AuthSettings } from '@jwt-mesh/service-auth';
import { startGrpcServer, unary, type RunningServer } from '@jwt-mesh/service-kit';
import type pino from 'pino';
import { toStatus } from './errors';
import { getMe } from './handlers/get-me';
import { getUser } from './handlers/get-user';
import { listUsers } from './handlers/list-users';
import type { UserStore } from './store/user-store';

export type { AuthSettings } from '@jwt-mesh/service-auth';

/** Everything user-service needs; start.ts builds it from config, tests build it by hand. */
export interface UserServerDeps {
  host: string;
  port: number;
  logger: pino.Logger;
  auth: AuthSettings;
  /**
   * Replaces the interceptor built from `auth`. Plain dependency injection for the benchmark's
   * baselines (no auth, reference tokens); start.ts never sets it, and no variable reaches it.
   */
  authInterceptor?: grpc.ServerInterceptor;
  store: UserStore;
}

/**
 * Starts UserService with the auth interceptor on every method except health and reflection
 * (exact paths). No environment, no globals: resources are passed in and closed by their owner.
 * @example
 * const running = await createUserServer({ host: '127.0.0.1', port: 0, logger, auth, store });
 */
export async function createUserServer(deps: UserServerDeps): Promise<RunningServer> {
  const { packageDefinition, grpcObject } = loadMesh();
  const implementation: UserServiceHandlers = {
    GetMe: unary(getMe(deps), toStatus),
    GetUser: unary(getUser(deps), toStatus),
    ListUsers: unary(listUsers(deps), toStatus),
  };
  return startGrpcServer({
    service: 'user-service',
    host: deps.host,
    port: deps.port,
    services: [{ definition: grpcObject.mesh.user.v1.UserService.service, implementation }],
    packageDefinition,
    interceptors: [deps.authInterceptor ?? createServiceAuthInterceptor(deps.auth, deps.logger)],
    subjectOf: (md: grpc.Metadata) => findPrincipal(md)?.subject,
    logger: deps.logger,
  });
}
