import { buildSync } from 'esbuild';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** spawnSync options that turn a hung child into a failed test instead of a hung `npm test`. */
export const BOUNDED_CHILD = { timeout: 20_000, killSignal: 'SIGKILL' } as const;

export interface BundledMain {
  /** The bundled `main.js`, to run with `process.execPath`. */
  main: string;
  dir: string;
  remove(): void;
}

/**
 * Bundles an app's `src/main.ts` as `tools/build-app.mjs` does (workspace libs and jose inside,
 * other dependencies external), into `<root>/tmp/` so those resolve from the repo's node_modules.
 * @example
 * const built = bundleMain(join(__dirname, 'main.ts'), join(__dirname, '../../..'));
 * spawnSync(process.execPath, [built.main, '--help'], BOUNDED_CHILD);
 */
export function bundleMain(entry: string, root: string, tsconfig?: string): BundledMain {
  mkdirSync(join(root, 'tmp'), { recursive: true });
  const dir = mkdtempSync(join(root, 'tmp', 'bundled-main-'));
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
  };
  const main = join(dir, 'main.js');
  buildSync({
    entryPoints: [entry],
    outfile: main,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: [...Object.keys(pkg.dependencies ?? {}).filter((d) => d !== 'jose'), 'pino-pretty'],
    tsconfig,
    logLevel: 'silent',
  });
  return { main, dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
