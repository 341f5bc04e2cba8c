import { SUPPORTED_ALGORITHMS } from '@jwt-mesh/jwt-interceptor';
import { defineConfig, type ConfigValues } from '@jwt-mesh/service-kit';

/** The JWT_ALGORITHMS default: the auth service's default signing algorithm. */
export const DEFAULT_ALGORITHMS: readonly string[] = Object.freeze(['ES256']);

/** Where a verifier fetches keys when neither JWKS_URL nor JWT_PUBLIC_KEYS_FILE is set. */
export const DEFAULT_JWKS_URL = 'http://127.0.0.1:8080/.well-known/jwks.json';

// Asymmetric only (jwt-interceptor's list): a verifier never holds a secret that could mint tokens.
const ALGORITHMS: readonly string[] = SUPPORTED_ALGORITHMS;

/**
 * The variables of a service that verifies access tokens: issuer, audience (defaults to the
 * service's name), pinned algorithms, one key source (JWKS_URL or JWT_PUBLIC_KEYS_FILE), clock
 * tolerance, lifetime cap and cache size. Spread it after `commonSchema` in the service's schema.
 * @example
 * const schema = defineConfig({
 *   ...commonSchema({ service: 'user-service', grpcPort: 50052 }),
 *   ...verifierSchema({ service: 'user-service' }),
 * });
 */
export function verifierSchema(o: { service: string }) {
  return defineConfig({
    JWT_ISSUER: {
      type: 'string',
      default: 'http://127.0.0.1:8080',
      description: 'expected `iss` of access tokens',
    },
    JWT_AUDIENCE: {
      type: 'string',
      default: o.service,
      description: 'this service’s name; must be in `aud`',
    },
    JWT_ALGORITHMS: {
      type: 'list',
      default: [...DEFAULT_ALGORITHMS],
      description: `accepted JWS algorithms, comma separated (pinned; some of ${ALGORITHMS.join(', ')})`,
    },
    JWKS_URL: {
      type: 'url',
      description: `JWKS of the auth service, fetched at start and refreshed [default ${DEFAULT_JWKS_URL}]; not together with JWT_PUBLIC_KEYS_FILE`,
    },
    JWT_PUBLIC_KEYS_FILE: {
      type: 'path',
      description:
        'static PEM, JWK or JWKS file of verification keys; then auth is never called. Not together with JWKS_URL',
    },
    JWT_CLOCK_TOLERANCE_SECONDS: {
      type: 'int',
      default: 30,
      min: 0,
      max: 300,
      description: 'allowed clock skew for exp/nbf/iat',
    },
    JWT_MAX_TOKEN_LIFETIME_SECONDS: {
      type: 'int',
      default: 3600,
      min: 1,
      max: 86400,
      description: 'tokens whose exp - iat exceeds this are refused',
    },
    JWT_CACHE_MAX_ENTRIES: {
      type: 'int',
      default: 10000,
      min: 0,
      max: 1000000,
      description: 'verified-token cache size; 0 turns the cache off',
    },
  });
}

/** The parsed values of `verifierSchema`, as they appear in a service's config. */
export type VerifierValues = ConfigValues<ReturnType<typeof verifierSchema>>;
