import { ConfigError, describeSchema } from '@jwt-mesh/service-kit';
import { existsSync } from 'node:fs';
import { authSchema, defaultSeedFile, loadAuthConfig } from './config';

describe('auth-service config', () => {
  it('has safe defaults for everything', () => {
    const c = loadAuthConfig({});
    expect(c).toMatchObject({
      HOST: '127.0.0.1',
      GRPC_PORT: 50051,
      HTTP_PORT: 8080,
      DATA_DIR: '.data/auth-service',
      JWT_ISSUER: 'http://127.0.0.1:8080',
      JWKS_URI: 'http://127.0.0.1:8080/.well-known/jwks.json',
      JWT_AUDIENCES: ['order-service', 'user-service', 'auth-service'],
      JWT_ALG: 'ES256',
      ACCESS_TOKEN_TTL_SECONDS: 900,
      REFRESH_TOKEN_TTL_SECONDS: 1209600,
      SIGNING_KEY_FILE: undefined,
      SIGNING_KEY: undefined,
      KEY_PUBLISH_DELAY_SECONDS: 600,
      KEY_ROTATION_INTERVAL_SECONDS: 0,
      JWKS_MAX_AGE_SECONDS: 300,
      LOGIN_MAX_FAILURES: 5,
      LOGIN_LOCKOUT_SECONDS: 300,
      LOGIN_MAX_CONCURRENT_HASHES: 4,
      LOGIN_MAX_QUEUED_HASHES: 32,
      PASSWORD_SCRYPT_LOG2_N: 15,
    });
    expect(c.SEED_FILE).toMatch(/seed\/demo-users\.json$/);
    expect(existsSync(c.SEED_FILE)).toBe(true);
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('lists every problem at once, cross-variable ones included, never a secret', () => {
    let error: ConfigError | undefined;
    try {
      loadAuthConfig({
        GRPC_PORT: '70000',
        HTTP_PORT: 'http',
        JWT_ALG: 'HS256',
        JWT_ISSUER: 'auth.local',
        ACCESS_TOKEN_TTL_SECONDS: '5',
        LOGIN_MAX_FAILURES: '0',
        LOGIN_MAX_CONCURRENT_HASHES: '0',
        LOGIN_MAX_QUEUED_HASHES: '-1',
        SIGNING_KEY: '-----BEGIN PRIVATE KEY----- s3cr3t',
        SIGNING_KEY_FILE: '/no/such/key.pem',
        SEED_FILE: '/no/such/seed.json',
      });
    } catch (err) {
      error = err as ConfigError;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const names = error!.problems.map((p) => p.split(':')[0]);
    expect(names).toEqual([
      'GRPC_PORT',
      'HTTP_PORT',
      'JWT_ISSUER',
      'JWT_ALG',
      'ACCESS_TOKEN_TTL_SECONDS',
      'LOGIN_MAX_FAILURES',
      'LOGIN_MAX_CONCURRENT_HASHES',
      'LOGIN_MAX_QUEUED_HASHES',
      'SIGNING_KEY_FILE, SIGNING_KEY',
      'SIGNING_KEY_FILE',
      'SEED_FILE',
    ]);
    expect(error!.message).not.toContain('s3cr3t');
  });

  it('describes every variable for --print-config-schema, secrets without values', () => {
    const { variables } = describeSchema(authSchema);
    expect(Object.keys(variables)).toHaveLength(25);
    expect(variables.SIGNING_KEY).toMatchObject({ secret: true });
    expect(variables.INTROSPECTION_ENABLED).toMatchObject({ type: 'bool', default: false });
    for (const v of Object.values(variables))
      expect((v as { description: string }).description.length).toBeGreaterThan(10);
  });

  it('finds the repo seed when there is none beside main.js', () => {
    expect(defaultSeedFile('/')).toBe('/seed/demo-users.json');
    expect(defaultSeedFile(__dirname)).toMatch(/\/seed\/demo-users\.json$/);
  });
});
