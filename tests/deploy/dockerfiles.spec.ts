// apps/<svc>/Dockerfile: pinned base, production dependencies only, non-root, gRPC health check,
// config defaults the service actually reads (issue 7).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  EXTRA_ALLOWED,
  loadSchema,
  ROOT,
  SERVICES,
  type ConfigSchema,
  type Service,
} from './config-schema';
import {
  finalStage,
  parseDockerfile,
  runtimeEnv,
  sharedPattern,
  type Dockerfile,
} from './dockerfile';

const texts = {} as Record<Service, string>;
const files = {} as Record<Service, Dockerfile>;
const schemas = {} as Record<Service, ConfigSchema>;

beforeAll(() => {
  for (const svc of SERVICES) {
    texts[svc] = readFileSync(join(ROOT, 'apps', svc, 'Dockerfile'), 'utf8');
    files[svc] = parseDockerfile(texts[svc]);
    schemas[svc] = loadSchema(svc);
  }
}, 60_000);

const final = (svc: Service, keyword: string) =>
  finalStage(files[svc]).filter((i) => i.keyword === keyword);

describe.each(SERVICES)('%s Dockerfile', (svc) => {
  it('builds FROM one pinned Node 20 slim base, the version in .nvmrc', () => {
    const df = files[svc];
    const base = df.globalArgs.NODE_IMAGE;
    const nvmrc = readFileSync(join(ROOT, '.nvmrc'), 'utf8').trim().replace(/^v/, '');
    // A full version tag, optionally with a digest; never `latest` or a floating major.
    expect(base).toMatch(/^node:20\.\d+\.\d+-bookworm-slim(@sha256:[0-9a-f]{64})?$/);
    expect(base.startsWith(`node:${nvmrc}-`)).toBe(true);
    for (const from of df.instructions.filter((i) => i.keyword === 'FROM')) {
      expect(from.args).toMatch(/^\$\{NODE_IMAGE\} AS [a-z-]+$/);
    }
    expect(df.stageNames.length).toBeGreaterThanOrEqual(3);
  });

  it('builds its own app and installs production dependencies only', () => {
    const text = files[svc].instructions.map((i) => `${i.keyword} ${i.args}`).join('\n');
    expect(files[svc].globalArgs.APP ?? /ARG APP=(\S+)/.exec(text)?.[1]).toBe(svc);
    expect(text).toContain('RUN node tools/build-app.mjs ${APP}');
    expect(text).toMatch(/npm ci --omit=dev/);
    const copies = final(svc, 'COPY').map((i) => i.args);
    expect(copies).toContain('--from=prod-deps /app/node_modules ./node_modules');
    expect(copies).toContain('--from=build /src/dist/apps/${APP} ./');
    expect(copies).toContain('deploy/health-probe.cjs ./');
  });

  it('runs as a numeric non-root user', () => {
    const users = final(svc, 'USER');
    expect(users).toHaveLength(1);
    const [uid] = users[0].args.split(':');
    expect(uid).toMatch(/^\d+$/);
    expect(Number(uid)).toBeGreaterThan(0);
  });

  it('health-checks grpc.health.v1 and starts the bundle', () => {
    expect(final(svc, 'HEALTHCHECK').map((i) => i.args)).toEqual([
      expect.stringMatching(/ CMD \["node", "health-probe\.cjs"\]$/),
    ]);
    expect(final(svc, 'CMD').map((i) => i.args)).toEqual(['["node", "main.js"]']);
    expect(final(svc, 'STOPSIGNAL').map((i) => i.args)).toEqual(['SIGTERM']);
  });

  it('sets only variables the service reads, listens beyond loopback, keeps DATA_DIR a volume', () => {
    const env = runtimeEnv(files[svc]);
    for (const name of Object.keys(env)) {
      if (!EXTRA_ALLOWED.has(name)) expect(Object.keys(schemas[svc])).toContain(name);
    }
    expect(env.HOST).toBe('0.0.0.0');
    expect(final(svc, 'VOLUME').map((i) => i.args)).toEqual([`["${env.DATA_DIR}"]`]);
  });

  it('exposes its gRPC (and HTTP) ports, the values the service will read', () => {
    const env = runtimeEnv(files[svc]);
    const ports = [env.GRPC_PORT];
    if (schemas[svc].HTTP_PORT) ports.push(env.HTTP_PORT);
    expect(final(svc, 'EXPOSE').map((i) => i.args)).toEqual([ports.join(' ')]);
    expect(Number(env.GRPC_PORT)).toBe(schemas[svc].GRPC_PORT.default);
  });
});

it('the three Dockerfiles share one pattern (only lines marked "per service" differ)', () => {
  const [first, ...rest] = SERVICES.map((s) => sharedPattern(texts[s]));
  for (const other of rest) expect(other).toBe(first);
});
