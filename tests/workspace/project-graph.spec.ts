// `nx graph` must show apps depending on libs and protos, and no app depending on an app.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '../..');
const APPS = ['auth-service', 'user-service', 'order-service', 'mesh-cli'];

type Graph = {
  nodes: Record<string, { type: string; data: { tags?: string[] } }>;
  dependencies: Record<string, Array<{ target: string; type: string }>>;
};

let graph: Graph;

beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'nx-graph-'));
  try {
    const file = join(dir, 'graph.json');
    execFileSync(join(root, 'node_modules/.bin/nx'), ['graph', `--file=${file}`], {
      cwd: root,
      env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
      stdio: 'ignore',
      // Below the hook's 120 s: a sync child blocks jest's timer, so this is what ends a hang.
      timeout: 100_000,
      killSignal: 'SIGKILL',
    });
    graph = JSON.parse(readFileSync(file, 'utf8')).graph;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 120_000);

it('knows every project with its type tag', () => {
  for (const app of APPS) expect(graph.nodes[app]?.data.tags).toContain('type:app');
  for (const lib of ['contracts', 'jwt-interceptor', 'service-kit', 'service-auth']) {
    expect(graph.nodes[lib]?.data.tags).toContain('type:lib');
  }
  expect(graph.nodes.protos?.data.tags).toContain('type:proto');
});

it('makes every app depend on protos, so a .proto change retests the services', () => {
  for (const app of APPS) {
    expect(graph.dependencies[app].map((d) => d.target)).toContain('protos');
  }
});

it('has no app depending on another app, and no lib depending on an app', () => {
  const apps = new Set(APPS);
  for (const [source, deps] of Object.entries(graph.dependencies)) {
    if (!graph.nodes[source]) continue;
    // The one exemption: the bench (type:bench) never ships; it composes the apps' own server
    // factories with baseline auth wirings to measure them (see eslint.config.mjs).
    if (source === 'bench' && graph.nodes[source].data.tags?.includes('type:bench')) continue;
    for (const d of deps) {
      if (apps.has(d.target)) throw new Error(`${source} depends on app ${d.target}`);
    }
  }
});

it('has the services depending on the shared libs they use', () => {
  for (const app of APPS) {
    expect(graph.dependencies[app].map((d) => d.target)).toContain('contracts');
  }
  for (const svc of ['auth-service', 'user-service', 'order-service']) {
    const targets = graph.dependencies[svc].map((d) => d.target);
    expect(targets).toEqual(expect.arrayContaining(['service-kit', 'jwt-interceptor']));
  }
  // The verifying services share their token-verification wiring; auth-service mints, so it does not.
  for (const svc of ['user-service', 'order-service']) {
    expect(graph.dependencies[svc].map((d) => d.target)).toContain('service-auth');
  }
  expect(graph.dependencies['service-auth'].map((d) => d.target)).toEqual(
    expect.arrayContaining(['service-kit', 'jwt-interceptor']),
  );
});
