import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchOptions } from '../args';
import { startMesh, type SetName } from '../cluster/mesh';
import { stopAll } from '../cluster/processes';
import { startLoadgen } from '../load/load-client';
import type { TokenPlan } from '../load/protocol';
import { summarizeProfile } from '../report/profile-summary';
import { measureCell } from './measure';

const PLANS: Record<NonNullable<BenchOptions['cpuProf']>, { set: SetName; tokens: TokenPlan }> = {
  cold: { set: 'jwt', tokens: { kind: 'fresh' } },
  cached: { set: 'jwt', tokens: { kind: 'per-caller' } },
  none: { set: 'none', tokens: { kind: 'per-caller' } },
  reference: { set: 'introspect', tokens: { kind: 'per-caller' } },
};

/**
 * `--cpu-prof=<cell>`: one set only, order/user started with `node --cpu-prof`, GetOrder then
 * CreateOrder load on that cell, then a graceful stop (V8 writes the profile at exit) and a
 * summary of self time by area and by function, mapped to sources through the bundles' maps.
 */
export async function runProfile(
  opts: BenchOptions,
  repoRoot: string,
  distDir: string,
  dir: string,
  log: (s: string) => void,
): Promise<void> {
  const plan = PLANS[opts.cpuProf!];
  const profDir = join(repoRoot, 'bench/results/raw/profiles', opts.cpuProf!);
  rmSync(profDir, { recursive: true, force: true });
  mkdirSync(profDir, { recursive: true });
  const mesh = await startMesh({
    repoRoot,
    distDir,
    dir,
    sets: [plan.set],
    keepLogs: opts.keepLogs,
    alg: opts.alg,
    nodeArgs: { [plan.set]: ['--cpu-prof', `--cpu-prof-dir=${profDir}`] },
  });
  const pids = mesh.pidsOf(plan.set);
  const lg = await startLoadgen(mesh.template);
  for (const method of ['GetOrder', 'CreateOrder'] as const) {
    const s = await measureCell(mesh, lg, plan.set, method, plan.tokens, {
      ...opts,
      durationMs: Math.max(opts.durationMs, 5000),
    });
    log(
      `  ${opts.cpuProf} ${method}: ${Math.round(s.callsPerSecond)} calls/s, CPU µs/call order ${Math.round(s.cpuUsPerCall.order)} user ${Math.round(s.cpuUsPerCall.user)} auth ${Math.round(s.cpuUsPerCall.auth)}`,
    );
  }
  await lg.close();
  await stopAll(5000);
  const maps = {
    [`file://${join(distDir, 'order-server.js')}`]: join(distDir, 'order-server.js.map'),
    [`file://${join(distDir, 'user-server.js')}`]: join(distDir, 'user-server.js.map'),
  };
  const lines: string[] = [
    `# CPU profile: ${opts.cpuProf} (${plan.set} set; GetOrder then CreateOrder)`,
    '',
  ];
  for (const f of readdirSync(profDir).filter((x) => x.endsWith('.cpuprofile'))) {
    const who = f.includes(`.${pids.order}.`)
      ? 'order-service'
      : f.includes(`.${pids.user}.`)
        ? 'user-service'
        : f;
    const s = summarizeProfile(join(profDir, f), maps);
    lines.push(
      `## ${who} (${f})`,
      '',
      '| area | self ms | share of busy |',
      '| --- | ---: | ---: |',
    );
    for (const a of s.areas.slice(0, 14))
      lines.push(
        `| ${a.area} | ${a.ms.toFixed(0)} | ${Number.isFinite(a.share) ? `${(a.share * 100).toFixed(1)}%` : 'idle'} |`,
      );
    lines.push('', '| function | where | self ms | share |', '| --- | --- | ---: | ---: |');
    for (const t of s.top)
      lines.push(`| ${t.fn} | ${t.where} | ${t.ms.toFixed(0)} | ${(t.share * 100).toFixed(1)}% |`);
    lines.push('');
  }
  const out = join(profDir, 'summary.md');
  writeFileSync(out, lines.join('\n'));
  log(lines.join('\n'));
  log(`profile summary: ${out}`);
}
