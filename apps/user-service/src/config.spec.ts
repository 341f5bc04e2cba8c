import { createTestKeyFile } from '@jwt-mesh/jwt-interceptor/testing';
import { ConfigError } from '@jwt-mesh/service-kit';
import { DEFAULT_JWKS_URL, parseUserConfig } from './config';

// A real key file: the config check loads it.
const keys = createTestKeyFile();
const keyFile = keys.file;
afterAll(() => keys.remove());

function problems(env: Record<string, string>): readonly string[] {
  try {
    parseUserConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).problems;
  }
  throw new Error('expected ConfigError');
}

describe('parseUserConfig', () => {
  it('has the documented defaults', () => {
    const c = parseUserConfig({});
    expect(c).toMatchObject({
      HOST: '127.0.0.1',
      GRPC_PORT: 50052,
      LOG_LEVEL: 'info',
      DATA_DIR: '.data/user-service',
      SHUTDOWN_GRACE_MS: 10000,
      JWT_ISSUER: 'http://127.0.0.1:8080',
      JWT_AUDIENCE: 'user-service',
      JWT_ALGORITHMS: ['ES256'],
      JWT_CLOCK_TOLERANCE_SECONDS: 30,
      JWT_MAX_TOKEN_LIFETIME_SECONDS: 3600,
      JWT_CACHE_MAX_ENTRIES: 10000,
      keySource: { kind: 'jwks', url: DEFAULT_JWKS_URL },
    });
    expect(c.SEED_FILE).toMatch(/seed[/\\]demo-users\.json$/);
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('uses a static key file instead of JWKS when given', () => {
    expect(parseUserConfig({ JWT_PUBLIC_KEYS_FILE: keyFile }).keySource).toEqual({
      kind: 'file',
      path: keyFile,
    });
    expect(parseUserConfig({ JWKS_URL: 'https://auth.test/jwks' }).keySource).toEqual({
      kind: 'jwks',
      url: 'https://auth.test/jwks',
    });
  });

  it('lists every problem at once, including both key sources', () => {
    const p = problems({
      GRPC_PORT: 'x',
      JWKS_URL: 'http://a/jwks',
      JWT_PUBLIC_KEYS_FILE: '/k.json',
      JWT_ALGORITHMS: 'ES256,HS256',
      SEED_FILE: '/no/such/seed.json',
    });
    expect(p).toEqual([
      expect.stringMatching(/^GRPC_PORT:/),
      'JWT_ALGORITHMS: "HS256" is not supported',
      'JWKS_URL, JWT_PUBLIC_KEYS_FILE: set one or the other, not both',
      'SEED_FILE: no such file "/no/such/seed.json"',
    ]);
  });

  it('reports a missing default seed', () => {
    expect(() => parseUserConfig({}, '/')).toThrow(ConfigError);
  });
});
