import type { AuthServiceHandlers } from '@jwt-mesh/contracts';
import { METHODS, loadMesh } from '@jwt-mesh/contracts';
import { createAuthServerInterceptor, findPrincipal } from '@jwt-mesh/jwt-interceptor';
import { INFRA_METHODS, startGrpcServer, type RunningServer } from '@jwt-mesh/service-kit';
import type { Logger } from 'pino';
import type { AccessTokens } from './domain/access-tokens';
import { SIGNING_ALGS } from './domain/keys/key-material';
import type { KeyRing } from './domain/keys/key-ring';
import type { Sessions } from './domain/sessions';
import { getJwksHandler } from './handlers/get-jwks';
import { introspectHandler } from './handlers/introspect';
import { loginHandler } from './handlers/login';
import { logoutHandler } from './handlers/logout';
import { refreshHandler } from './handlers/refresh';
import { rotateKeysHandler } from './handlers/rotate-keys';
import { createJwksHttpServer, listenHttp, type RunningHttpServer } from './http/jwks-http-server';
import { ownKeySet } from './own-key-set';

/** What the server needs; app.ts builds it from the configuration (no env, no globals here). */
export interface AuthServerDeps {
  service: string;
  host: string;
  grpcPort: number;
  httpPort: number;
  issuer: string;
  jwksUri: string;
  jwksMaxAgeSeconds: number;
  accessTokenTtlSeconds: number;
  /** Introspect answers only when true (INTROSPECTION_ENABLED, for the benchmark). */
  introspectionEnabled: boolean;
  keys: KeyRing;
  accessTokens: AccessTokens;
  sessions: Sessions;
  logger: Logger;
  /** Milliseconds since the epoch; also the clock of the RotateKeys token check. */
  now: () => number;
}

export interface RunningAuthServer {
  grpc: RunningServer;
  http: RunningHttpServer;
  /** Stops HTTP and gRPC (in-flight calls get `graceMs`). */
  shutdown(graceMs: number): Promise<void>;
}

/** Methods anyone may call: the public auth RPCs plus health and reflection, by exact path. */
export const PUBLIC_METHODS: ReadonlySet<string> = new Set([
  METHODS.auth.Login,
  METHODS.auth.Refresh,
  METHODS.auth.Logout,
  METHODS.auth.GetJwks,
  METHODS.auth.Introspect,
  ...INFRA_METHODS,
]);

/** Handlers of mesh.auth.v1.AuthService, one file per RPC under handlers/. */
export function createAuthHandlers(
  d: Pick<AuthServerDeps, 'sessions' | 'keys' | 'accessTokens' | 'introspectionEnabled'>,
): AuthServiceHandlers {
  return {
    Login: loginHandler(d.sessions),
    Refresh: refreshHandler(d.sessions),
    Logout: logoutHandler(d.sessions),
    GetJwks: getJwksHandler(d.keys),
    Introspect: introspectHandler(d.accessTokens, d.introspectionEnabled),
    RotateKeys: rotateKeysHandler(d.keys),
  };
}

/**
 * Starts the gRPC AuthService (health, reflection, per-call logs; bearer check for RotateKeys only)
 * and the JWKS/discovery HTTP server.
 * @example
 * const running = await createAuthServer(deps);
 * console.log(running.grpc.address, running.http.jwksUrl);
 */
export async function createAuthServer(d: AuthServerDeps): Promise<RunningAuthServer> {
  const { packageDefinition, grpcObject } = loadMesh();
  const auth = createAuthServerInterceptor({
    keys: ownKeySet(d.keys),
    issuer: d.issuer,
    audience: d.service,
    algorithms: [...SIGNING_ALGS],
    maxTokenLifetimeSeconds: d.accessTokenTtlSeconds + 60,
    skip: (path) => PUBLIC_METHODS.has(path),
    now: () => new Date(d.now()),
    logger: d.logger,
  });
  const http = await listenHttp(
    createJwksHttpServer({
      jwks: () => d.keys.publicJwks(),
      algorithms: () => d.keys.algorithms(),
      issuer: d.issuer,
      jwksUri: d.jwksUri,
      maxAgeSeconds: d.jwksMaxAgeSeconds,
      logger: d.logger,
      service: d.service,
    }),
    d.host,
    d.httpPort,
  );
  let grpc: RunningServer;
  try {
    grpc = await startGrpcServer({
      service: d.service,
      host: d.host,
      port: d.grpcPort,
      services: [
        {
          definition: grpcObject.mesh.auth.v1.AuthService.service,
          implementation: createAuthHandlers(d),
        },
      ],
      packageDefinition,
      interceptors: [auth],
      logger: d.logger,
      subjectOf: (md) => findPrincipal(md)?.subject,
    });
  } catch (err) {
    await http.close();
    throw err;
  }
  return {
    grpc,
    http,
    async shutdown(graceMs) {
      await Promise.all([http.close(graceMs), grpc.shutdown(graceMs)]);
    },
  };
}
