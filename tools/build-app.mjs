#!/usr/bin/env node
// Bundles one app with esbuild into dist/apps/<name>/main.js so that `node dist/apps/<name>/main.js`
// runs on its own, outside Nx. Workspace libs and jose (ESM-only) are bundled; the other runtime
// dependencies stay external because they load files from their own package folders (.proto files,
// a native addon) and are installed by `npm ci --omit=dev` in the images.
import { build } from 'esbuild';
import { cpSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const name = process.argv[2];
const appDir = join(root, 'apps', name ?? '');
if (!name || !existsSync(join(appDir, 'src/main.ts'))) {
  console.error(`usage: build-app.mjs <app>; apps/${name}/src/main.ts not found`);
  process.exit(2);
}
const outDir = join(root, 'dist/apps', name);
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const bundled = new Set(['jose']);
const external = Object.keys(pkg.dependencies ?? {}).filter((d) => !bundled.has(d));

rmSync(outDir, { recursive: true, force: true });
await build({
  entryPoints: [join(appDir, 'src/main.ts')],
  outfile: join(outDir, 'main.js'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  // pino-pretty is a dev-only pipe; the services load it only when LOG_FORMAT=pretty.
  external: [...external, 'pino-pretty'],
  tsconfig: join(appDir, 'tsconfig.json'),
  banner: { js: '#!/usr/bin/env node' },
  logLevel: 'warning',
});
// The contract travels with the app: contracts' loader looks for protos/ beside main.js.
cpSync(join(root, 'protos/mesh'), join(outDir, 'protos/mesh'), { recursive: true });
const seed = join(root, 'seed');
if (existsSync(seed)) cpSync(seed, join(outDir, 'seed'), { recursive: true });
console.log(`built dist/apps/${name}/main.js`);
