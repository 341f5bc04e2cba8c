import { buildSync } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SIGNING_ALGS, generateKey, toKeyMaterial } from './key-material';

describe('generateKey', () => {
  it.each(SIGNING_ALGS)(
    'makes a %s key that fits its alg and exports as a public JWK',
    async (alg) => {
      const material = await toKeyMaterial(generateKey(alg), alg);
      expect(material.privateKey.type).toBe('private');
      expect(material.publicJwk).toMatchObject({ kid: material.kid, alg, use: 'sig' });
      expect(material.publicJwk).not.toHaveProperty('d');
    },
  );

  // Node 20 freed generateKeyPairSync's job in the GC while a JWK export of the same key held the
  // lock that the job's destructor takes: the process hung forever (see key-material.ts). Under a
  // 1 MiB young generation the old code hung within a few seconds; the child's timeout turns a
  // hang into a failure instead of a stuck test run.
  it('survives garbage collection during exports (no deadlock with node keygen jobs)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'auth-keygen-'));
    try {
      const outfile = join(dir, 'stress.js');
      buildSync({
        entryPoints: [join(__dirname, 'fixtures/keygen-stress.ts')],
        outfile,
        bundle: true,
        platform: 'node',
        target: 'node20',
        format: 'cjs',
        logLevel: 'silent',
      });
      const run = spawnSync(
        process.execPath,
        ['--max-semi-space-size=1', '--min-semi-space-size=1', outfile, '4000'],
        { encoding: 'utf8', timeout: 20_000, killSignal: 'SIGKILL' },
      );
      expect({ signal: run.signal, status: run.status, stderr: run.stderr }).toEqual({
        signal: null,
        status: 0,
        stderr: '',
      });
      expect(Number(run.stdout)).toBeGreaterThan(100);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});
