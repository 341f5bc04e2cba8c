// Public API of @jwt-mesh/service-auth: how a service that verifies access tokens wires it up,
// from its environment variables to a verifying interceptor and a health status that waits for keys.

// config
export { DEFAULT_JWKS_URL, verifierSchema } from './config/verifier-schema';
export type { VerifierValues } from './config/verifier-schema';
export { verifierProblems } from './config/verifier-problems';
export { keySourceOf } from './config/key-source';
export type { KeySource } from './config/key-source';

// keys
export { openKeySet } from './keys/open-key-set';

// server
export { authSettingsOf } from './server/auth-settings';
export type { AuthSettings } from './server/auth-settings';
export { createServiceAuthInterceptor } from './server/service-auth-interceptor';
export { serveWhenKeysLoad } from './server/serve-when-keys-load';
export type { ReadinessLogger, ServeWhenKeysLoadOptions } from './server/serve-when-keys-load';
