import { ALGS, VERIFY_LABELS, VERIFY_VARIANTS } from '../micro/verify-micro';
import { CELLS, WORKLOADS } from '../scenarios/mesh-scenario';
import { median } from '../common/stats';
import type { BenchResults } from './results';
import { roundRatio } from './targets';
import { renderSvg, type Panel } from './svg';

const COLORS: Record<string, string> = {
  baseline: '#9e9e9e',
  cached: '#2e7d32',
  uncached: '#f9a825',
  cold: '#1565c0',
  reference: '#c62828',
  floor: '#9e9e9e',
  'fast-jwt': '#6a1b9a',
  jose: '#f9a825',
  'lib-uncached': '#1565c0',
  'lib-cache-hit': '#2e7d32',
};

/** The report's chart: mesh throughput relative to no auth, and verification cost per algorithm. */
export function renderChart(r: BenchResults): string {
  const panels: Panel[] = [];
  if (r.mesh) {
    panels.push({
      title:
        'Scenario 2: mesh throughput as % of the no-auth baseline (median of per-round ratios)',
      max: 110,
      ticks: [0, 25, 50, 75, 100],
      tickFormat: (v) => `${v}%`,
      lines: [
        { value: 97, label: '97%' },
        { value: 75, label: '75%' },
      ],
      groups: WORKLOADS.map((w) => ({
        label: w.label,
        bars: CELLS.filter((c) => c.key !== 'baseline').map((c) => {
          const ratio = roundRatio(r.mesh!, w.key, c.key, 'baseline') * 100;
          const cps = median(r.mesh!.samples[w.key][c.key].map((s) => s.callsPerSecond));
          return {
            label: c.label,
            value: ratio,
            text: `${ratio.toFixed(1)}% · ${Math.round(cps)}/s`,
            color: COLORS[c.key]!,
          };
        }),
      })),
    });
  }
  if (r.verify) {
    panels.push({
      title: 'Scenario 1: verifications per second on one thread (log scale)',
      max: 10_000_000,
      log: { min: 1000 },
      ticks: [1e3, 1e4, 1e5, 1e6, 1e7],
      tickFormat: (v) => (v >= 1e6 ? `${v / 1e6}M` : `${v / 1e3}k`),
      groups: ALGS.map((a) => ({
        label: a,
        bars: VERIFY_VARIANTS.map((v) => {
          const x = r.verify![a]![v];
          return {
            label: VERIFY_LABELS[v],
            value: x.opsPerSecond,
            text: `${Math.round(x.opsPerSecond).toLocaleString('en-US')}/s`,
            color: COLORS[v]!,
          };
        }),
      })),
    });
  }
  const m = r.machine;
  return renderSvg(
    'jwt-mesh: what value tokens cost and what they save',
    `${r.command} · ${m.date.slice(0, 16)}Z · ${m.cores} × ${m.cpu} · Node ${m.node} · commit ${m.commit}`,
    panels,
  );
}
