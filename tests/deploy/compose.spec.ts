// docker-compose.yml against the services' own config schemas (issue 7).
import { execFileSync, spawnSync } from 'node:child_process';
import {
  checkEnv,
  effective,
  loadSchema,
  ROOT,
  SERVICES,
  splitHostPort,
  urlHostPort,
  type ConfigSchema,
  type DeployedEnv,
  type Service,
} from './config-schema';
import {
  composeDurationSeconds,
  composeEnv,
  loadCompose,
  parseComposePort,
  type ComposeFile,
} from './deploy-files';

const SCALABLE: readonly Service[] = ['user-service', 'order-service'];
const VERIFIERS: readonly Service[] = ['user-service', 'order-service'];

let compose: ComposeFile;
const schemas = {} as Record<Service, ConfigSchema>;
const envs = {} as Record<Service, DeployedEnv>;
const value = (svc: Service, name: string) => effective(schemas[svc], envs[svc], name);

beforeAll(() => {
  compose = loadCompose();
  for (const svc of SERVICES) {
    schemas[svc] = loadSchema(svc);
    envs[svc] = composeEnv(compose.services[svc] ?? {});
  }
}, 60_000);

it('defines exactly the three services', () => {
  expect(Object.keys(compose.services).sort()).toEqual([...SERVICES].sort());
});

describe.each(SERVICES)('%s', (svc) => {
  it('sets only variables the service reads, every required one, with valid values', () => {
    expect(checkEnv(schemas[svc], envs[svc])).toEqual([]);
  });

  it('is configured through `environment` only and listens beyond loopback', () => {
    expect(compose.services[svc].env_file).toBeUndefined();
    expect(value(svc, 'HOST')).toBe('0.0.0.0');
  });

  it('publishes exactly its gRPC (and HTTP) ports', () => {
    const ports = (compose.services[svc].ports ?? []).map(parseComposePort);
    const expected = [Number(value(svc, 'GRPC_PORT'))];
    if (schemas[svc].HTTP_PORT) expected.push(Number(value(svc, 'HTTP_PORT')));
    expect(ports.map((p) => p.container).sort()).toEqual(expected.sort());
    for (const p of ports) expect(p.hostIp).toBe('127.0.0.1');
  });

  it('health-checks grpc.health.v1 on its gRPC port', () => {
    const test = compose.services[svc].healthcheck?.test;
    expect(Array.isArray(test)).toBe(true);
    expect(test).toEqual([
      'CMD',
      'node',
      'health-probe.cjs',
      `127.0.0.1:${value(svc, 'GRPC_PORT')}`,
    ]);
  });

  it('keeps DATA_DIR on a named volume', () => {
    const dataDir = value(svc, 'DATA_DIR')!;
    expect(dataDir.startsWith('/')).toBe(true);
    const mounts = (compose.services[svc].volumes ?? []).map((v) =>
      typeof v === 'string' ? v : `${v.source}:${v.target}`,
    );
    const data = mounts.find((m) => m.split(':')[1] === dataDir);
    expect(data).toBeDefined();
    expect(Object.keys(compose.volumes ?? {})).toContain(data!.split(':')[0]);
  });

  it('gives in-flight calls SHUTDOWN_GRACE_MS before Docker kills the container', () => {
    const grace = composeDurationSeconds(compose.services[svc].stop_grace_period ?? '10s');
    expect(grace * 1000).toBeGreaterThan(Number(value(svc, 'SHUTDOWN_GRACE_MS')));
  });

  it('builds from its own Dockerfile with the repository as context', () => {
    expect(compose.services[svc].build).toEqual({
      context: '.',
      dockerfile: `apps/${svc}/Dockerfile`,
    });
  });
});

describe.each(SCALABLE)('%s scales with --scale', (svc) => {
  it('has no container_name and no fixed host port', () => {
    expect(compose.services[svc].container_name).toBeUndefined();
    for (const p of (compose.services[svc].ports ?? []).map(parseComposePort))
      expect(p.host).toBe('');
  });
});

it('keeps the auth keys on their own volume under DATA_DIR', () => {
  const keysDir = `${value('auth-service', 'DATA_DIR')}/keys`;
  const mounts = (compose.services['auth-service'].volumes ?? []) as string[];
  const keys = mounts.find((m) => m.split(':')[1] === keysDir);
  expect(keys).toBeDefined();
  expect(Object.keys(compose.volumes ?? {})).toContain(keys!.split(':')[0]);
});

it('uses one issuer for the whole mesh', () => {
  const issuers = SERVICES.map((s) => value(s, 'JWT_ISSUER'));
  expect(new Set(issuers).size).toBe(1);
  expect(envs['auth-service'].JWT_ISSUER).toBeDefined();
});

describe.each(VERIFIERS)('%s', (svc) => {
  it("fetches the JWKS from auth-service's HTTP port by service name", () => {
    // The schemas describe JWKS_URL and JWT_PUBLIC_KEYS_FILE as "not together".
    expect(envs[svc].JWT_PUBLIC_KEYS_FILE).toBeUndefined();
    const jwks = urlHostPort(envs[svc].JWKS_URL!);
    expect(jwks).toEqual({
      host: 'auth-service',
      port: Number(value('auth-service', 'HTTP_PORT')),
      path: '/.well-known/jwks.json',
    });
  });

  it('starts only once auth-service is healthy', () => {
    expect(compose.services[svc].depends_on).toMatchObject({
      'auth-service': { condition: 'service_healthy' },
    });
  });
});

it('points order-service at user-service by name (every replica) and waits for it', () => {
  const addr = splitHostPort(envs['order-service'].USER_SERVICE_ADDR!);
  expect(addr).toEqual({ host: 'user-service', port: Number(value('user-service', 'GRPC_PORT')) });
  expect(compose.services['order-service'].depends_on).toMatchObject({
    'user-service': { condition: 'service_healthy' },
  });
});

const hasCompose =
  spawnSync('docker-compose', ['version'], {
    stdio: 'ignore',
    timeout: 30_000,
    killSignal: 'SIGKILL',
  }).status === 0;

(hasCompose ? it : it.skip)(
  'is accepted by `docker-compose config` (docker-compose installed)',
  () => {
    // Throws with compose's message on a non-zero exit.
    execFileSync('docker-compose', ['-f', 'docker-compose.yml', 'config', '-q'], {
      cwd: ROOT,
      stdio: 'pipe',
      timeout: 30_000,
      killSignal: 'SIGKILL',
    });
  },
  40_000,
);
