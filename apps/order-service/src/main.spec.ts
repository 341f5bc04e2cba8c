// The bundled main, run by plain node: the command line is checked before config, ports or files.
import { BOUNDED_CHILD, bundleMain, type BundledMain } from '@jwt-mesh/service-kit/testing';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

let built: BundledMain;
beforeAll(() => {
  built = bundleMain(
    join(__dirname, 'main.ts'),
    join(__dirname, '../../..'),
    join(__dirname, '../tsconfig.json'),
  );
});
afterAll(() => built?.remove());

// An empty environment: had it got as far as loading config, it would exit 2 listing problems.
const run = (args: string[]) =>
  spawnSync(process.execPath, [built.main, ...args], {
    env: { PATH: process.env.PATH ?? '' },
    encoding: 'utf8',
    ...BOUNDED_CHILD,
  });

it('refuses an unknown argument with exit 2, one line and the usage on stderr', () => {
  const r = run(['--bogus']);
  expect(r.status).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr.split('\n')[0]).toBe('order-service: unknown option "--bogus"');
  expect(r.stderr).toContain('usage: main.js [--print-config-schema] [-h|--help]');
});

it('prints the usage on stdout and exits 0 for --help and -h', () => {
  for (const flag of ['--help', '-h']) {
    const r = run([flag]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^usage: main\.js /);
  }
});
