// The checks themselves must catch the mistakes they exist for.
import { checkEnv, splitHostPort, urlHostPort, type ConfigSchema } from './config-schema';
import { composeDurationSeconds, composeEnv, parseComposePort } from './deploy-files';
import { parseDockerfile, parseEnvArgs, runtimeEnv, sharedPattern } from './dockerfile';

const schema: ConfigSchema = {
  GRPC_PORT: { type: 'port', description: '', required: false, secret: false, default: 50053 },
  LOG_LEVEL: {
    type: 'enum',
    description: '',
    required: false,
    secret: false,
    values: ['info', 'debug'],
  },
  JWKS_URL: { type: 'url', description: '', required: false, secret: false },
  API_KEY: { type: 'string', description: '', required: true, secret: true },
  GRACE_MS: { type: 'int', description: '', required: false, secret: false, min: 0, max: 100 },
};

describe('checkEnv', () => {
  it('accepts a complete, valid environment (NODE_ENV allowed)', () => {
    expect(
      checkEnv(schema, { API_KEY: undefined, GRPC_PORT: '1', NODE_ENV: 'production' }),
    ).toEqual([]);
  });

  it('reports a missing required variable, a typo and bad values, all at once', () => {
    expect(
      checkEnv(schema, {
        JWKS_URI: 'http://a',
        GRPC_PORT: '70000',
        LOG_LEVEL: 'loud',
        JWKS_URL: 'auth:8080',
        GRACE_MS: 'ten',
      }),
    ).toEqual([
      'API_KEY: required but not set',
      'JWKS_URI: not read by the service',
      'GRPC_PORT: above 65535: 70000',
      'LOG_LEVEL: not one of info|debug: loud',
      'JWKS_URL: not http(s): auth:8080',
      'GRACE_MS: not an integer: "ten"',
    ]);
  });
});

describe('compose readers', () => {
  it('parse the port syntaxes compose accepts', () => {
    expect(parseComposePort('127.0.0.1::50052')).toEqual({
      hostIp: '127.0.0.1',
      host: '',
      container: 50052,
    });
    expect(parseComposePort('127.0.0.1:8080:8080/tcp')).toEqual({
      hostIp: '127.0.0.1',
      host: '8080',
      container: 8080,
    });
    expect(parseComposePort('50053')).toEqual({ host: '', container: 50053 });
    expect(parseComposePort('9000:50053')).toEqual({ host: '9000', container: 50053 });
    expect(parseComposePort({ target: 50053, published: 9000 })).toEqual({
      host: '9000',
      container: 50053,
    });
  });

  it('read both environment syntaxes', () => {
    expect(composeEnv({ environment: ['A=1', 'B=x=y', 'C'] })).toEqual({
      A: '1',
      B: 'x=y',
      C: undefined,
    });
    expect(composeEnv({ environment: { A: 1, B: null } })).toEqual({ A: '1', B: undefined });
  });

  it('read durations', () => {
    expect(composeDurationSeconds('1m30s')).toBe(90);
    expect(composeDurationSeconds('500ms')).toBe(0.5);
  });

  it('split addresses and URLs', () => {
    expect(splitHostPort('user-service:50052')).toEqual({ host: 'user-service', port: 50052 });
    expect(urlHostPort('http://auth-service:8080/.well-known/jwks.json')).toEqual({
      host: 'auth-service',
      port: 8080,
      path: '/.well-known/jwks.json',
    });
  });
});

describe('Dockerfile reader', () => {
  const text = [
    '# header 1',
    '# header 2',
    'ARG BASE=node:20.20.2-bookworm-slim',
    'FROM ${BASE} AS build',
    'ENV NOT_RUNTIME=1',
    'FROM ${BASE} AS runtime',
    '# per service',
    'ENV GRPC_PORT=1 \\',
    '  HTTP_PORT=2',
    'ENV HOST=0.0.0.0 QUOTED="a b"',
    'USER 10001:10001',
  ].join('\n');

  it('joins continuations and reads global ARGs, stages and the runtime ENV', () => {
    const df = parseDockerfile(text);
    expect(df.globalArgs).toEqual({ BASE: 'node:20.20.2-bookworm-slim' });
    expect(df.stageNames).toEqual(['build', 'runtime']);
    expect(runtimeEnv(df)).toEqual({
      GRPC_PORT: '1',
      HTTP_PORT: '2',
      HOST: '0.0.0.0',
      QUOTED: 'a b',
    });
    expect(parseEnvArgs('LEGACY some value')).toEqual({ LEGACY: 'some value' });
  });

  it('drops the header and the per-service instructions from the shared pattern', () => {
    expect(sharedPattern(text)).not.toMatch(/header|GRPC_PORT|HTTP_PORT/);
    expect(sharedPattern(text)).toContain('ENV HOST=0.0.0.0');
  });
});
