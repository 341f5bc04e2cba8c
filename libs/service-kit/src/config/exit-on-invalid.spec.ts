import { buildSync } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from './define-config';
import { CONFIG_EXIT_CODE, loadConfigOrExit } from './exit-on-invalid';

class Exited extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

const schema = defineConfig({
  GRPC_PORT: { type: 'port', default: 1, description: 'port' },
  LOG_LEVEL: { type: 'enum', values: ['info', 'debug'], default: 'info', description: 'level' },
  SIGNING_KEY: { type: 'string', required: true, secret: true, description: 'key' },
});

describe('loadConfigOrExit', () => {
  it('prints every problem to stderr and exits 2', () => {
    let written = '';
    const deps = {
      stderr: { write: (t: string) => (written += t) },
      exit: (code: number): never => {
        throw new Exited(code);
      },
    };
    expect(() =>
      loadConfigOrExit(schema, { GRPC_PORT: 'x', LOG_LEVEL: 'loud' }, 'demo', deps),
    ).toThrow(new Exited(CONFIG_EXIT_CODE));
    expect(written).toBe(
      'demo: invalid configuration (3 problems):\n' +
        '  - GRPC_PORT: must be a port (0..65535, 0 = any), got "x"\n' +
        '  - LOG_LEVEL: must be one of info|debug, got "loud"\n' +
        '  - SIGNING_KEY: is required (key)\n',
    );
  });

  it('returns the values when all is well', () => {
    expect(loadConfigOrExit(schema, { SIGNING_KEY: 'k' }, 'demo').GRPC_PORT).toBe(1);
  });

  // The real thing: a bundled entry point run by plain node, as the apps are.
  it('exits the process with code 2 before anything else runs', () => {
    const dir = mkdtempSync(join(tmpdir(), 'service-kit-config-'));
    try {
      const outfile = join(dir, 'main.js');
      buildSync({
        entryPoints: [join(__dirname, 'fixtures', 'bad-config-main.ts')],
        bundle: true,
        platform: 'node',
        format: 'cjs',
        outfile,
        logLevel: 'silent',
      });
      const run = spawnSync(process.execPath, [outfile], {
        env: {
          GRPC_PORT: '-1',
          LOG_LEVEL: 'loud',
          HOST: '',
          SIGNING_KEY: 'hunter2',
          SHUTDOWN_GRACE_MS: 'soon',
        },
        encoding: 'utf8',
        timeout: 10_000,
        killSignal: 'SIGKILL',
      });
      expect(run.status).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain('(4 problems)');
      for (const name of ['GRPC_PORT', 'LOG_LEVEL', 'SIGNING_KEY', 'SHUTDOWN_GRACE_MS']) {
        expect(run.stderr).toContain(`  - ${name}: `);
      }
      expect(run.stderr).not.toContain('hunter2');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
