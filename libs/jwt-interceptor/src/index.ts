// Public API of @jwt-mesh/jwt-interceptor. Test helpers live in './testing'.
export {
  createAuthServerInterceptor,
  type AuthServerInterceptor,
} from './server/auth-server-interceptor';
export type { AuthServerOptions } from './server/auth-options';
export type { AuthStats } from './server/auth-stats';

export { getPrincipal, findPrincipal, type CallWithMetadata } from './principal/principal-store';
export { requireRole, requireScope } from './principal/require';
export type { Principal } from './principal/principal';

export { propagateTokenInterceptor } from './client/propagate-token-interceptor';
export { createBearerTokenInterceptor } from './client/bearer-token-interceptor';

export { createRemoteKeySet, type RemoteKeySetOptions } from './keys/remote-key-set';
export {
  createStaticKeySet,
  loadStaticKeySetFromFile,
  type StaticKeySetOptions,
} from './keys/static-key-set';
export type { KeySet, KeySetStats, KeyRequest } from './keys/key-set';
export { SUPPORTED_ALGORITHMS, type Algorithm } from './keys/algorithms';

export {
  AuthError,
  MissingTokenError,
  InvalidTokenError,
  PermissionDeniedError,
  KeysUnavailableError,
} from './errors/auth-error';
export type { AuthLogger } from './util/logger';
