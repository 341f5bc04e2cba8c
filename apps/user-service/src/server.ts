import type * as grpc from '@grpc/grpc-js';
import { loadMesh, type UserServiceHandlers } from '@jwt-mesh/contracts';
import { createAuthServerInterceptor, findPrincipal, type KeySet } from '@jwt-mesh/jwt-interceptor';
import { INFRA_METHODS, startGrpcServer, unary, type RunningServer } from '@jwt-mesh/service-kit';
import type pino from 'pino';
import { toStatus } from './errors';
import { getMe } from './handlers/get-me';
import { getUser } from './handlers/get-user';
import { listUsers } from './handlers/list-users';
import type { UserStore } from './store/user-store';

/** How incoming tokens are verified. */
export interface AuthSettings {
  keys: KeySet;
  issuer: string;
  audience: string;
  algorithms: readonly string[];
  clockToleranceSeconds?: number;
  maxTokenLifetimeSeconds?: number;
  /** Verified-token cache size; 0 turns it off. */
  cacheMaxEntries?: number;
  /** Clock for token checks (tests). */
  now?: () => Date;
}

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
    interceptors: [deps.authInterceptor ?? authInterceptor(deps.auth, deps.logger)],
    subjectOf: (md: grpc.Metadata) => findPrincipal(md)?.subject,
    logger: deps.logger,
  });
}

function authInterceptor(a: AuthSettings, logger: pino.Logger): grpc.ServerInterceptor {
  const max = a.cacheMaxEntries ?? 10000;
  return createAuthServerInterceptor({
    keys: a.keys,
    issuer: a.issuer,
    audience: a.audience,
    algorithms: a.algorithms,
    clockToleranceSeconds: a.clockToleranceSeconds,
    maxTokenLifetimeSeconds: a.maxTokenLifetimeSeconds,
    cache: max > 0 ? { max } : false,
    skip: (path: string) => INFRA_METHODS.includes(path),
    now: a.now,
    logger,
  });
}
