#!/usr/bin/env node
// `npm run bench [-- --quick] [-- --only=2,3]`: bundles the bench with esbuild, then runs the bundle
// (a real Node process, as the services are). Exit code is the bench's.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { buildBench } from './build.mjs';

const outDir = await buildBench();
const child = spawn(process.execPath, [join(outDir, 'main.js'), ...process.argv.slice(2)], {
  stdio: 'inherit',
});
// Ctrl-C reaches the whole process group; the bench stops its own children.
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
