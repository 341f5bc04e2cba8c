// The bundled service, run by plain node as in production: config errors, --print-config-schema,
// the parseable `listening` lines (gRPC and HTTP), login with a demo user, rotate-keys, SIGTERM.
import { buildSync } from 'esbuild';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { createAuthClient } from '@jwt-mesh/contracts';
import { BOUNDED_CHILD } from '@jwt-mesh/service-kit/testing';
import { login } from './testing/harness';

const root = join(__dirname, '../../..');
let outDir: string;
let main: string;
let dataDir: string;

beforeAll(() => {
  // Under the repo (tmp/ is ignored) so the external packages resolve from node_modules.
  mkdirSync(join(root, 'tmp'), { recursive: true });
  outDir = mkdtempSync(join(root, 'tmp', 'auth-service-main-'));
  dataDir = join(outDir, 'data');
  main = join(outDir, 'main.js');
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
  };
  buildSync({
    entryPoints: [join(__dirname, 'main.ts')],
    outfile: main,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: [...Object.keys(pkg.dependencies).filter((d) => d !== 'jose'), 'pino-pretty'],
    tsconfig: join(__dirname, '..', 'tsconfig.json'),
    logLevel: 'silent',
  });
  cpSync(join(root, 'protos/mesh'), join(outDir, 'protos/mesh'), { recursive: true });
  cpSync(join(root, 'seed'), join(outDir, 'seed'), { recursive: true });
});
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

const env = (extra: Record<string, string> = {}) => ({
  PATH: process.env.PATH ?? '',
  DATA_DIR: dataDir,
  ...extra,
});

it('a start-up failure (HTTP port taken) exits 1 with one line naming it, and no stack trace', async () => {
  const taken = createServer();
  await new Promise<void>((r) => taken.listen(0, '127.0.0.1', r));
  const port = (taken.address() as { port: number }).port;
  try {
    const run = spawnSync(process.execPath, [main], {
      env: env({ GRPC_PORT: '0', HTTP_PORT: String(port), DATA_DIR: join(outDir, 'data-taken') }),
      encoding: 'utf8',
      ...BOUNDED_CHILD,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^auth-service: failed to start: EADDRINUSE: .*\n$/m);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  } finally {
    taken.close();
  }
});

it('--print-config-schema prints every variable as JSON', () => {
  const run = spawnSync(process.execPath, [main, '--print-config-schema'], {
    env: env(),
    encoding: 'utf8',
    ...BOUNDED_CHILD,
  });
  expect(run.status).toBe(0);
  const { variables } = JSON.parse(run.stdout) as {
    variables: Record<string, { default?: unknown }>;
  };
  expect(variables.HTTP_PORT.default).toBe(8080);
  expect(Object.keys(variables)).toContain('KEY_PUBLISH_DELAY_SECONDS');
});

it('exits 2 listing every configuration problem, before binding anything', () => {
  const run = spawnSync(process.execPath, [main], {
    env: env({
      GRPC_PORT: '-1',
      JWT_ALG: 'none',
      JWT_AUDIENCES: ',',
      SIGNING_KEY: 'k',
      SIGNING_KEY_FILE: '/nope',
    }),
    encoding: 'utf8',
    ...BOUNDED_CHILD,
  });
  expect(run.status).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr).toContain('auth-service: invalid configuration (5 problems)');
  for (const name of [
    'GRPC_PORT',
    'JWT_ALG',
    'JWT_AUDIENCES',
    'SIGNING_KEY_FILE, SIGNING_KEY',
    'SIGNING_KEY_FILE',
  ]) {
    expect(run.stderr).toContain(`  - ${name}: `);
  }
});

it('rejects an unknown subcommand or option with exit 2, one line and the usage on stderr', () => {
  for (const [arg, problem] of [
    ['rotate', 'unknown command "rotate"'],
    ['--bogus', 'unknown option "--bogus"'],
  ]) {
    const run = spawnSync(process.execPath, [main, arg], {
      env: env(),
      encoding: 'utf8',
      ...BOUNDED_CHILD,
    });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.split('\n')[0]).toBe(`auth-service: ${problem}`);
    expect(run.stderr).toContain('usage: main.js [rotate-keys] [--print-config-schema]');
  }
});

it('--help prints the usage on stdout and exits 0, before reading configuration', () => {
  const run = spawnSync(process.execPath, [main, '--help'], {
    env: env({ GRPC_PORT: 'not a port' }),
    encoding: 'utf8',
    ...BOUNDED_CHILD,
  });
  expect(run.status).toBe(0);
  expect(run.stderr).toBe('');
  expect(run.stdout).toMatch(/^usage: main\.js \[rotate-keys\]/);
  expect(run.stdout).toContain('  rotate-keys ');
});

function listeningLines(
  child: ChildProcess,
): Promise<{ grpc: Record<string, unknown>; http: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    const found: Record<string, Record<string, unknown>> = {};
    const timer = setTimeout(() => reject(new Error(`no listening lines: ${buffer}`)), 15_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      for (const line of buffer.split('\n').slice(0, -1)) {
        const l = JSON.parse(line) as Record<string, unknown>;
        if (l.msg === 'listening') found[l.transport === 'http' ? 'http' : 'grpc'] = l;
      }
      if (found.grpc && found.http) {
        clearTimeout(timer);
        resolve({ grpc: found.grpc, http: found.http });
      }
    });
    child.on('exit', (code) => reject(new Error(`exited ${code}: ${buffer}`)));
  });
}

it('serves gRPC and HTTP on the ports it logs, logs in a demo user, and stops on SIGTERM', async () => {
  const child = spawn(process.execPath, [main], {
    env: env({ GRPC_PORT: '0', HTTP_PORT: '0' }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // A child that hangs is SIGKILLed (exit null), so the test fails instead of hanging the run.
  const killer = setTimeout(() => child.kill('SIGKILL'), 25_000);
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      clearTimeout(killer);
      resolve(code);
    }),
  );
  try {
    const { grpc, http } = await listeningLines(child);
    expect(grpc).toMatchObject({
      msg: 'listening',
      service: 'auth-service',
      address: `127.0.0.1:${grpc.port}`,
    });
    expect(http).toMatchObject({
      msg: 'listening',
      service: 'auth-service',
      transport: 'http',
      address: `127.0.0.1:${http.port}`,
    });

    const client = createAuthClient(grpc.address as string);
    const t = await login(client, 'alice', 'alice-password');
    client.close();
    const jwks = (await (
      await fetch(`http://127.0.0.1:${http.port}/.well-known/jwks.json`)
    ).json()) as { keys: Array<{ kid: string }> };
    expect(jwks.keys.map((k) => k.kid)).toEqual([
      JSON.parse(Buffer.from(t.access_token.split('.')[0], 'base64url').toString()).kid,
    ]);

    // the CLI refuses to rotate under a running server
    const locked = spawnSync(process.execPath, [main, 'rotate-keys'], {
      env: env(),
      encoding: 'utf8',
      ...BOUNDED_CHILD,
    });
    expect(locked.status).toBe(1);
    expect(locked.stderr).toContain('ERR_KEY_DIR_LOCKED');
  } finally {
    child.kill('SIGTERM');
  }
  expect(await exited).toBe(0);
  const rotated = spawnSync(process.execPath, [main, 'rotate-keys'], {
    env: env(),
    encoding: 'utf8',
    ...BOUNDED_CHILD,
  });
  expect(rotated.status).toBe(0);
  expect(JSON.parse(rotated.stdout)).toEqual({
    active_kid: expect.any(String),
    next_kid: expect.any(String),
    activates: '600s after the next start',
  });
  expect(rotated.stderr).toContain('"msg":"key rotation started"');
}, 30_000);
