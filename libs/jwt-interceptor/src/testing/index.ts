// '@jwt-mesh/jwt-interceptor/testing': keys, tokens and a JWKS server for tests. Never import it
// from production code.
export { createTestKeys, jwkThumbprint, type TestKeys } from './test-keys';
export { createTestKeyFile, type TestKeyFile } from './key-file';
export {
  signTestToken,
  signRawPayload,
  TEST_ISSUER,
  TEST_AUDIENCE,
  type SignTestTokenOptions,
} from './sign-test-token';
export { encodeSegment, unsignedToken, hmacToken, replaceSignature } from './raw-tokens';
export { startJwksServer, type JwksServer } from './jwks-server';
