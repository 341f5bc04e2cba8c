#!/usr/bin/env node
// Bundles the bench (orchestrator, load generator, the services' bench entry points) and
// auth-service's own main into dist/bench/, the way tools/build-app.mjs bundles an app: workspace
// code and jose inside, the other runtime dependencies external (they load files from their own
// package folders). contracts finds protos/ by walking up from dist/bench to the repo's protos/.
import { build } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const outDir = join(root, 'dist/bench');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const external = [
  ...Object.keys(pkg.dependencies ?? {}).filter((d) => d !== 'jose'),
  'pino-pretty',
];
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  external,
  logLevel: 'warning',
};

export async function buildBench() {
  rmSync(outDir, { recursive: true, force: true });
  await Promise.all([
    build({
      ...common,
      entryPoints: {
        main: join(root, 'bench/src/main.ts'),
        loadgen: join(root, 'bench/src/load/loadgen.ts'),
        'user-server': join(root, 'bench/src/servers/user-server.ts'),
        'order-server': join(root, 'bench/src/servers/order-server.ts'),
      },
      outdir: outDir,
      tsconfig: join(root, 'bench/tsconfig.json'),
    }),
    build({
      ...common,
      entryPoints: { 'auth-service': join(root, 'apps/auth-service/src/main.ts') },
      outdir: outDir,
      tsconfig: join(root, 'apps/auth-service/tsconfig.json'),
    }),
  ]);
  return outDir;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await buildBench();
  console.log('built dist/bench/');
}
