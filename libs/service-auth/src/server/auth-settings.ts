import type { KeySet } from '@jwt-mesh/jwt-interceptor';
import type { VerifierValues } from '../config/verifier-schema';

/**
 * How a service verifies incoming tokens. start.ts builds it from config with `authSettingsOf`;
 * tests build it by hand.
 * @example
 * const auth: AuthSettings = { keys, issuer: 'http://127.0.0.1:8080', audience: 'user-service', algorithms: ['ES256'] };
 */
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

/**
 * The AuthSettings that the verifier variables describe, with an already opened key set.
 * @example
 * const auth = authSettingsOf(config, openKeySet(config.keySource, config.JWT_ALGORITHMS, logger));
 */
export function authSettingsOf(config: VerifierValues, keys: KeySet): AuthSettings {
  return {
    keys,
    issuer: config.JWT_ISSUER,
    audience: config.JWT_AUDIENCE,
    algorithms: config.JWT_ALGORITHMS,
    clockToleranceSeconds: config.JWT_CLOCK_TOLERANCE_SECONDS,
    maxTokenLifetimeSeconds: config.JWT_MAX_TOKEN_LIFETIME_SECONDS,
    cacheMaxEntries: config.JWT_CACHE_MAX_ENTRIES,
  };
}
