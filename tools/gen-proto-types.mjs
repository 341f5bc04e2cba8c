#!/usr/bin/env node
// Generates TypeScript types for every .proto under protos/ with proto-loader-gen-types, using the
// same loader options as run time (libs/contracts/loader-options.json).
// `--check` generates into a temporary folder and fails when the committed types are stale.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const protoDir = join(root, 'protos');
const outDir = join(root, 'libs/contracts/src/generated');
const opts = JSON.parse(readFileSync(join(root, 'libs/contracts/loader-options.json'), 'utf8'));

const walk = (dir) =>
  readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : p.endsWith('.proto') ? [p] : [];
  });

function generate(target) {
  const files = walk(protoDir)
    .map((p) => relative(protoDir, p))
    .sort();
  const flags = [
    opts.keepCase && '--keepCase',
    `--longs=${opts.longs}`,
    `--enums=${opts.enums}`,
    opts.defaults && '--defaults',
    opts.oneofs && '--oneofs',
    '--grpcLib=@grpc/grpc-js',
    `--outDir=${target}`,
    // Relative, so that the 'Original file' comments do not depend on where the repo is cloned.
    '--includeDirs=protos',
  ].filter(Boolean);
  const bin = join(root, 'node_modules/.bin/proto-loader-gen-types');
  execFileSync(bin, [...flags, '--', ...files], { stdio: 'inherit', cwd: root });
}

function snapshot(dir) {
  const files = {};
  for (const p of walk2(dir)) files[relative(dir, p)] = readFileSync(p, 'utf8');
  return files;
}
function walk2(dir) {
  try {
    return readdirSync(dir).flatMap((n) => {
      const p = join(dir, n);
      return statSync(p).isDirectory() ? walk2(p) : [p];
    });
  } catch {
    return [];
  }
}

if (process.argv.includes('--check')) {
  const tmp = mkdtempSync(join(tmpdir(), 'proto-types-'));
  try {
    generate(tmp);
    const want = snapshot(tmp);
    const have = snapshot(outDir);
    const stale = [...new Set([...Object.keys(want), ...Object.keys(have)])].filter(
      (f) => want[f] !== have[f],
    );
    if (stale.length) {
      console.error(`Generated proto types are stale: ${stale.join(', ')}`);
      console.error('Run `npm run gen:protos` and commit the result.');
      process.exit(1);
    }
    console.log(`Generated proto types are up to date (${Object.keys(want).length} files).`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
} else {
  rmSync(outDir, { recursive: true, force: true });
  generate(outDir);
}
