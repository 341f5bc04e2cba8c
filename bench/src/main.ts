import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from './args';
import { startMesh, type SetName } from './cluster/mesh';
import { stopAll } from './cluster/processes';
import { startLoadgen } from './load/load-client';
import { runSignMicro } from './micro/sign-micro';
import { runVerifyMicro } from './micro/verify-micro';
import { renderChart } from './report/chart';
import { machineInfo } from './report/machine';
import { renderMarkdown } from './report/markdown';
import type { BenchResults } from './report/results';
import { checkTargets, formatCheck } from './report/targets';
import { runGrowthScenario } from './scenarios/growth-scenario';
import { runLoginScenario } from './scenarios/login-scenario';
import { runMeshScenario } from './scenarios/mesh-scenario';
import { runOutageScenario } from './scenarios/outage-scenario';
import { runProfile } from './scenarios/profile';

const log = (s: string) => process.stdout.write(`${s}\n`);

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const opts = parseArgs(argv);
  const repoRoot = join(__dirname, '../..');
  // `--render=<raw json>`: rebuild latest.md/.svg from a stored run (e.g. after editing NOTES.md).
  const render = argv.find((a) => a.startsWith('--render='))?.slice('--render='.length);
  if (render) {
    const stored = JSON.parse(readFileSync(render, 'utf8')) as BenchResults;
    writeReport(stored, repoRoot, stored.options.quick, true);
    return;
  }
  const started = performance.now();
  const dir = mkdtempSync(join(tmpdir(), 'jwt-mesh-bench-'));
  const results: BenchResults = {
    command: `npm run bench${argv.length ? ` -- ${argv.join(' ')}` : ''}`,
    options: { ...opts, only: [...opts.only] },
    machine: machineInfo(repoRoot),
    durationS: 0,
  };
  log(`bench: ${results.command} (${opts.quick ? 'quick' : 'full'}), work dir ${dir}`);
  try {
    if (opts.cpuProf) {
      await runProfile(opts, repoRoot, __dirname, dir, log);
      return;
    }
    if (opts.only.has(1)) {
      log('scenario 1: verification alone');
      results.verify = await runVerifyMicro(opts.microMs, opts.microRounds);
    }
    if (opts.only.has(4)) {
      log('scenario 4: signing');
      results.sign = await runSignMicro(opts.microMs, opts.microRounds);
    }
    const needMesh = [2, 3, 4, 5].some((s) => opts.only.has(s));
    if (needMesh) {
      const sets: SetName[] = ['none', 'jwt', 'nocache', 'introspect'];
      log('starting auth-service and 4 order/user pairs');
      const mesh = await startMesh({
        repoRoot,
        distDir: __dirname,
        dir,
        sets,
        keepLogs: opts.keepLogs,
        alg: opts.alg,
      });
      const lg = await startLoadgen(mesh.template);
      if (opts.only.has(4)) {
        log('scenario 4: logins');
        results.login = await runLoginScenario(mesh, lg, opts);
      }
      if (opts.only.has(2)) {
        log('scenario 2: the mesh end to end');
        results.mesh = await runMeshScenario(mesh, lg, opts, log);
      }
      if (opts.only.has(5)) {
        log('scenario 5: growth');
        results.growth = await runGrowthScenario(mesh, lg, opts, log);
      }
      if (opts.only.has(3)) {
        log('scenario 3: auth outage');
        results.outage = await runOutageScenario(mesh, lg, opts);
      }
      await lg.close();
    }
  } finally {
    await stopAll();
    if (!opts.keepLogs) rmSync(dir, { recursive: true, force: true });
  }
  if (opts.cpuProf) return;
  results.durationS = (performance.now() - started) / 1000;
  results.machine.loadAvgEnd = loadavg()[0]!;
  writeReport(results, repoRoot, opts.quick, opts.write);
  for (const c of checkTargets(results.mesh, results.outage))
    log(`${formatCheck(c).padEnd(52)} ${c.workload.padEnd(7)} ${c.text}`);
  log(`bench: done in ${results.durationS.toFixed(0)} s`);
}

function writeReport(r: BenchResults, repoRoot: string, quick: boolean, write: boolean): void {
  const resultsDir = join(repoRoot, 'bench/results');
  const rawDir = join(resultsDir, 'raw');
  mkdirSync(rawDir, { recursive: true });
  const stamp = r.machine.date.replace(/[:.]/g, '-');
  writeFileSync(join(rawDir, `${stamp}${quick ? '-quick' : ''}.json`), JSON.stringify(r, null, 1));
  // Smoke runs never overwrite the committed report.
  const base = quick || !write ? join(rawDir, 'quick') : join(resultsDir, 'latest');
  const notesFile = join(repoRoot, 'bench/NOTES.md');
  const notes = existsSync(notesFile) ? `\n${readFileSync(notesFile, 'utf8')}` : '';
  writeFileSync(`${base}.svg`, renderChart(r));
  writeFileSync(
    `${base}.md`,
    renderMarkdown(r, 'latest.svg'.replace('latest', base.endsWith('quick') ? 'quick' : 'latest')) +
      notes,
  );
  if (!quick && write)
    writeFileSync(join(resultsDir, 'machine.json'), `${JSON.stringify(r.machine, null, 2)}\n`);
  process.stdout.write(`report: ${base}.md, ${base}.svg\n`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
