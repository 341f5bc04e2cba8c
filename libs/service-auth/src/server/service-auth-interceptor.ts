import {
  createAuthServerInterceptor,
  type AuthLogger,
  type AuthServerInterceptor,
} from '@jwt-mesh/jwt-interceptor';
import { INFRA_METHODS } from '@jwt-mesh/service-kit';
import type { AuthSettings } from './auth-settings';

/** Default verified-token cache size when `cacheMaxEntries` is not given. */
const DEFAULT_CACHE_MAX_ENTRIES = 10000;

/**
 * The verifying interceptor of a service: every method except health and reflection (INFRA_METHODS,
 * exact paths) needs a valid bearer token. `cacheMaxEntries: 0` turns the verified-token cache off.
 * Bad settings throw a TypeError now, not at the first call.
 * @example
 * startGrpcServer({ ..., interceptors: [createServiceAuthInterceptor(deps.auth, deps.logger)] });
 */
export function createServiceAuthInterceptor(
  settings: AuthSettings,
  logger?: AuthLogger,
): AuthServerInterceptor {
  const max = settings.cacheMaxEntries ?? DEFAULT_CACHE_MAX_ENTRIES;
  return createAuthServerInterceptor({
    keys: settings.keys,
    issuer: settings.issuer,
    audience: settings.audience,
    algorithms: settings.algorithms,
    clockToleranceSeconds: settings.clockToleranceSeconds,
    maxTokenLifetimeSeconds: settings.maxTokenLifetimeSeconds,
    cache: max > 0 ? { max } : false,
    skip: (path: string) => INFRA_METHODS.includes(path),
    now: settings.now,
    logger,
  });
}
