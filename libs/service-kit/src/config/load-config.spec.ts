import { commonSchema } from './common-schema';
import { defineConfig } from './define-config';
import { ConfigError, loadConfig } from './load-config';

const schema = defineConfig({
  ...commonSchema({ service: 'order-service', grpcPort: 50053 }),
  JWT_ISSUER: { type: 'url', default: 'http://127.0.0.1:8080', description: 'expected iss' },
  JWKS_URL: { type: 'url', description: 'where the keys are' },
  JWT_AUDIENCES: { type: 'list', default: ['order-service'], description: 'aud' },
  USER_SERVICE_ADDR: { type: 'list', required: true, description: 'user-service replicas' },
  JWT_ALG: { type: 'enum', values: ['ES256', 'RS256'], default: 'ES256', description: 'alg' },
  CACHE: { type: 'bool', description: 'cache tokens' },
  TTL_SECONDS: { type: 'int', min: 60, max: 3600, description: 'ttl' },
  DB_PASSWORD: { type: 'string', required: true, secret: true, description: 'database password' },
  API_KEY: { type: 'url', secret: true, description: 'a secret URL' },
});

const good = { USER_SERVICE_ADDR: '127.0.0.1:50052', DB_PASSWORD: 'hunter2' };

describe('loadConfig', () => {
  it('applies defaults and infers types from the schema', () => {
    const c = loadConfig(schema, good);
    expect(c).toEqual({
      HOST: '127.0.0.1',
      GRPC_PORT: 50053,
      LOG_LEVEL: 'info',
      LOG_FORMAT: 'json',
      DATA_DIR: '.data/order-service',
      SHUTDOWN_GRACE_MS: 10000,
      JWT_ISSUER: 'http://127.0.0.1:8080',
      JWKS_URL: undefined,
      JWT_AUDIENCES: ['order-service'],
      USER_SERVICE_ADDR: ['127.0.0.1:50052'],
      JWT_ALG: 'ES256',
      CACHE: false,
      TTL_SECONDS: undefined,
      DB_PASSWORD: 'hunter2',
      API_KEY: undefined,
    });
    expect(Object.isFrozen(c)).toBe(true);
    expect(Object.isFrozen(c.USER_SERVICE_ADDR)).toBe(true);
    // compile-time checks: these assignments only type-check with the inferred types
    const port: number = c.GRPC_PORT;
    const alg: 'ES256' | 'RS256' = c.JWT_ALG;
    const level: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent' = c.LOG_LEVEL;
    const list: readonly string[] = c.USER_SERVICE_ADDR;
    const flag: boolean = c.CACHE;
    const issuer: string = c.JWT_ISSUER;
    const pw: string = c.DB_PASSWORD;
    // @ts-expect-error an optional string without default may be undefined
    const jwks: string = c.JWKS_URL;
    // @ts-expect-error an optional int without default may be undefined
    const ttl: number = c.TTL_SECONDS;
    expect([port, alg, level, list, flag, issuer, pw, jwks, ttl]).toHaveLength(9);
  });

  it('parses every type', () => {
    const c = loadConfig(schema, {
      ...good,
      GRPC_PORT: '0',
      LOG_LEVEL: 'debug',
      JWT_AUDIENCES: ' a, b ,,c ',
      CACHE: 'YES',
      TTL_SECONDS: '900',
      JWKS_URL: 'https://auth.example/.well-known/jwks.json',
    });
    expect(c).toMatchObject({
      GRPC_PORT: 0,
      LOG_LEVEL: 'debug',
      JWT_AUDIENCES: ['a', 'b', 'c'],
      CACHE: true,
      TTL_SECONDS: 900,
    });
  });

  it('treats an empty value as absent', () => {
    expect(loadConfig(schema, { ...good, GRPC_PORT: '', LOG_LEVEL: '  ' })).toMatchObject({
      GRPC_PORT: 50053,
      LOG_LEVEL: 'info',
    });
  });

  it('lists every problem in one pass', () => {
    const env = {
      GRPC_PORT: '70000',
      LOG_LEVEL: 'loud',
      SHUTDOWN_GRACE_MS: '1.5',
      JWT_ISSUER: 'localhost:8080',
      JWT_AUDIENCES: ' , ',
      CACHE: 'maybe',
      TTL_SECONDS: '10',
      API_KEY: 'not a url with s3cr3t',
    };
    let error: unknown;
    try {
      loadConfig(schema, env);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const { problems, message, code } = error as ConfigError;
    expect(code).toBe('ERR_CONFIG_INVALID');
    expect(problems).toEqual([
      'GRPC_PORT: must be a port (0..65535, 0 = any), got "70000"',
      'LOG_LEVEL: must be one of fatal|error|warn|info|debug|trace|silent, got "loud"',
      'SHUTDOWN_GRACE_MS: must be an integer between 0 and 600000, got "1.5"',
      'JWT_ISSUER: must be a URL with scheme http|https, got "localhost:8080"',
      'JWT_AUDIENCES: must list at least one value, got " , "',
      'USER_SERVICE_ADDR: is required (user-service replicas)',
      'CACHE: must be true or false, got "maybe"',
      'TTL_SECONDS: must be an integer between 60 and 3600, got "10"',
      'DB_PASSWORD: is required (database password)',
      'API_KEY: is invalid (secret value not shown)',
    ]);
    expect(message).not.toContain('s3cr3t');
  });

  it('refuses credentials in a URL and never shows them, whatever else is wrong', () => {
    for (const url of ['http://user:hunter2pass@auth/jwks', 'ftp://user:hunter2pass@auth/jwks']) {
      let error: unknown;
      try {
        loadConfig(schema, { ...good, JWKS_URL: url });
      } catch (err) {
        error = err;
      }
      expect(error).toBeInstanceOf(ConfigError);
      const [problem] = (error as ConfigError).problems;
      expect(problem).toMatch(/^JWKS_URL: must (not contain credentials|be a URL with scheme)/);
      expect(problem).toContain('://***@auth/jwks');
      expect((error as ConfigError).message).not.toContain('hunter2pass');
    }
  });

  it('rejects non-integers and unsafe integers', () => {
    for (const bad of ['abc', '12abc', '1e3', '99999999999999999999']) {
      expect(() => loadConfig(schema, { ...good, TTL_SECONDS: bad })).toThrow(ConfigError);
    }
  });
});

describe('defineConfig', () => {
  it('throws a TypeError naming the variable for a bad schema', () => {
    expect(() =>
      defineConfig({ X_LEVEL: { type: 'enum', values: ['a'], default: 'b', description: 'x' } }),
    ).toThrow(/X_LEVEL: default must be one of values/);
    expect(() => defineConfig({ lower: { type: 'string', description: 'x' } })).toThrow(
      /lower: names are UPPER_SNAKE_CASE/,
    );
    expect(() => defineConfig({ P: { type: 'port', default: 70000, description: 'x' } })).toThrow(
      TypeError,
    );
    expect(() => defineConfig({ I: { type: 'int', min: 2, max: 1, description: 'x' } })).toThrow(
      /I: min > max/,
    );
  });
});
