import { createTestKeyFile } from '@jwt-mesh/jwt-interceptor/testing';
import { ConfigError } from '@jwt-mesh/service-kit';
import { DEFAULT_JWKS_URL, parseOrderConfig } from './config';

// A real key file: the config check loads it.
const keys = createTestKeyFile();
const keyFile = keys.file;
afterAll(() => keys.remove());

function problems(env: Record<string, string>): readonly string[] {
  try {
    parseOrderConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).problems;
  }
  throw new Error('expected ConfigError');
}

describe('parseOrderConfig', () => {
  it('has the documented defaults', () => {
    const c = parseOrderConfig({});
    expect(c).toMatchObject({
      HOST: '127.0.0.1',
      GRPC_PORT: 50053,
      LOG_LEVEL: 'info',
      LOG_FORMAT: 'json',
      DATA_DIR: '.data/order-service',
      SHUTDOWN_GRACE_MS: 10000,
      JWT_ISSUER: 'http://127.0.0.1:8080',
      JWT_AUDIENCE: 'order-service',
      JWT_ALGORITHMS: ['ES256'],
      JWT_CLOCK_TOLERANCE_SECONDS: 30,
      JWT_MAX_TOKEN_LIFETIME_SECONDS: 3600,
      JWT_CACHE_MAX_ENTRIES: 10000,
      USER_SERVICE_ADDR: ['127.0.0.1:50052'],
      USER_SERVICE_TIMEOUT_MS: 2000,
      keySource: { kind: 'jwks', url: DEFAULT_JWKS_URL },
    });
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('reads replicas, a static key file and the timeout', () => {
    const c = parseOrderConfig({
      USER_SERVICE_ADDR: '10.0.0.1:50052, 10.0.0.2:50052',
      JWT_PUBLIC_KEYS_FILE: keyFile,
      USER_SERVICE_TIMEOUT_MS: '500',
      JWT_ALGORITHMS: 'ES256,EdDSA',
      JWT_CACHE_MAX_ENTRIES: '0',
    });
    expect(c.USER_SERVICE_ADDR).toEqual(['10.0.0.1:50052', '10.0.0.2:50052']);
    expect(c.keySource).toEqual({ kind: 'file', path: keyFile });
    expect([c.USER_SERVICE_TIMEOUT_MS, c.JWT_ALGORITHMS, c.JWT_CACHE_MAX_ENTRIES]).toEqual([
      500,
      ['ES256', 'EdDSA'],
      0,
    ]);
  });

  it('lists every problem at once', () => {
    expect(
      problems({
        USER_SERVICE_TIMEOUT_MS: '0',
        JWT_ALGORITHMS: 'HS256',
        JWKS_URL: 'http://a/jwks',
        JWT_PUBLIC_KEYS_FILE: '/k.json',
        USER_SERVICE_ADDR: 'users.internal:50052,10.0.0.2:50052',
      }),
    ).toEqual([
      expect.stringMatching(/^USER_SERVICE_TIMEOUT_MS:/),
      'JWT_ALGORITHMS: "HS256" is not supported',
      'JWKS_URL, JWT_PUBLIC_KEYS_FILE: set one or the other, not both',
      expect.stringMatching(/^USER_SERVICE_ADDR: several addresses must all be IPv4 or all IPv6/),
    ]);
    expect(problems({ USER_SERVICE_ADDR: 'no-port' })).toEqual([
      expect.stringMatching(/^USER_SERVICE_ADDR: not a host:port/),
    ]);
    expect(problems({ JWKS_URL: 'ftp://x/jwks' })).toEqual([expect.stringMatching(/^JWKS_URL:/)]);
  });
});
