import { median } from '../common/stats';
import type { CellKey, MeshResult, WorkloadKey } from '../scenarios/mesh-scenario';
import type { OutageResult } from '../scenarios/outage-scenario';

export interface TargetCheck {
  id: string;
  text: string;
  workload: WorkloadKey | 'outage';
  value: number;
  threshold: number;
  unit: '%' | 'x';
  pass: boolean;
  /** value - threshold, in the unit (percentage points for %). */
  margin: number;
}

/** Per-round ratio of two cells (same round, same workload), then the median over rounds. */
export function roundRatio(mesh: MeshResult, w: WorkloadKey, a: CellKey, b: CellKey): number {
  const xs = mesh.samples[w][a];
  const ys = mesh.samples[w][b];
  return median(xs.map((x, i) => x.callsPerSecond / ys[i]!.callsPerSecond));
}

export function checkTargets(
  mesh: MeshResult | undefined,
  outage: OutageResult | undefined,
): TargetCheck[] {
  const out: TargetCheck[] = [];
  const pct = (id: string, text: string, w: WorkloadKey, v: number, t: number) =>
    out.push({
      id,
      text,
      workload: w,
      value: v * 100,
      threshold: t * 100,
      unit: '%',
      pass: v >= t,
      margin: (v - t) * 100,
    });
  if (mesh) {
    for (const w of ['create', 'read'] as const) {
      pct(
        'cached-vs-baseline',
        'value tokens with the cache keep ≥ 97% of no-auth throughput',
        w,
        roundRatio(mesh, w, 'cached', 'baseline'),
        0.97,
      );
      pct(
        'cold-vs-baseline',
        'cold path (fresh token per call) keeps ≥ 75% of no-auth throughput',
        w,
        roundRatio(mesh, w, 'cold', 'baseline'),
        0.75,
      );
      const x = roundRatio(mesh, w, 'cached', 'reference');
      out.push({
        id: 'value-vs-reference',
        text: 'value tokens give ≥ 2x the throughput of reference tokens',
        workload: w,
        value: x,
        threshold: 2,
        unit: 'x',
        pass: x >= 2,
        margin: x - 2,
      });
    }
  }
  if (outage) {
    for (const l of outage.loads.filter((x) => x.key !== 'reference')) {
      const v = l.during.successRate;
      out.push({
        id: `outage-${l.key}`,
        text: `${l.label}: 100% success during the auth outage`,
        workload: 'outage',
        value: v * 100,
        threshold: 100,
        unit: '%',
        pass: v === 1,
        margin: (v - 1) * 100,
      });
    }
  }
  return out;
}

export function formatCheck(c: TargetCheck): string {
  const v = c.unit === '%' ? `${c.value.toFixed(1)}%` : `${c.value.toFixed(2)}x`;
  const t = c.unit === '%' ? `${c.threshold}%` : `${c.threshold}x`;
  const m =
    c.unit === '%'
      ? `${c.margin >= 0 ? '+' : ''}${c.margin.toFixed(1)} pp`
      : `${c.margin >= 0 ? '+' : ''}${c.margin.toFixed(2)}x`;
  return `${c.pass ? 'PASS' : 'MISS'} ${v} (target ≥ ${t}, margin ${m})`;
}
