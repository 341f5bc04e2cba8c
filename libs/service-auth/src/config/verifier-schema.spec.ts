import { SUPPORTED_ALGORITHMS } from '@jwt-mesh/jwt-interceptor';
import { ConfigError, loadConfig } from '@jwt-mesh/service-kit';
import { verifierSchema } from './verifier-schema';

describe('verifierSchema', () => {
  const schema = verifierSchema({ service: 'user-service' });

  it('has the documented defaults, the audience being the service name', () => {
    expect(loadConfig(schema, {})).toEqual({
      JWT_ISSUER: 'http://127.0.0.1:8080',
      JWT_AUDIENCE: 'user-service',
      JWT_ALGORITHMS: ['ES256'],
      JWKS_URL: undefined,
      JWT_PUBLIC_KEYS_FILE: undefined,
      JWT_CLOCK_TOLERANCE_SECONDS: 30,
      JWT_MAX_TOKEN_LIFETIME_SECONDS: 3600,
      JWT_CACHE_MAX_ENTRIES: 10000,
    });
  });

  it('lists the variables in the order the READMEs document them', () => {
    expect(Object.keys(schema)).toEqual([
      'JWT_ISSUER',
      'JWT_AUDIENCE',
      'JWT_ALGORITHMS',
      'JWKS_URL',
      'JWT_PUBLIC_KEYS_FILE',
      'JWT_CLOCK_TOLERANCE_SECONDS',
      'JWT_MAX_TOKEN_LIFETIME_SECONDS',
      'JWT_CACHE_MAX_ENTRIES',
    ]);
    expect(schema.JWT_ALGORITHMS.description).toContain(SUPPORTED_ALGORITHMS.join(', '));
  });

  it('checks ranges and URLs per variable', () => {
    expect(() =>
      loadConfig(schema, { JWT_CLOCK_TOLERANCE_SECONDS: '301', JWKS_URL: 'ftp://x/jwks' }),
    ).toThrow(ConfigError);
  });
});
