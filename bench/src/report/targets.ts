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
  /** The same ratio from server CPU per call (robust to other load on the machine), if any. */
  cpuValue?: number;
}

/** Per-round ratio of two cells (same round, same workload), then the median over rounds. */
export function roundRatio(mesh: MeshResult, w: WorkloadKey, a: CellKey, b: CellKey): number {
  const xs = mesh.samples[w][a];
  const ys = mesh.samples[w][b];
  return median(xs.map((x, i) => x.callsPerSecond / ys[i]!.callsPerSecond));
}

/** Per-round ratio of server CPU per call (b ÷ a): the throughput ratio if servers were CPU-bound. */
export function cpuRatio(mesh: MeshResult, w: WorkloadKey, a: CellKey, b: CellKey): number {
  const xs = mesh.samples[w][a];
  const ys = mesh.samples[w][b];
  return median(xs.map((x, i) => ys[i]!.cpuUsPerCall.total / x.cpuUsPerCall.total));
}

export function checkTargets(
  mesh: MeshResult | undefined,
  outage: OutageResult | undefined,
): TargetCheck[] {
  const out: TargetCheck[] = [];
  const ratio = (
    id: string,
    text: string,
    w: WorkloadKey,
    v: number,
    t: number,
    cpu: number,
    unit: '%' | 'x',
  ) => {
    const k = unit === '%' ? 100 : 1;
    out.push({
      id,
      text,
      workload: w,
      value: v * k,
      threshold: t * k,
      unit,
      pass: v >= t,
      margin: (v - t) * k,
      cpuValue: cpu * k,
    });
  };
  if (mesh) {
    for (const w of ['create', 'read'] as const) {
      ratio(
        'cached-vs-baseline',
        'value tokens with the cache keep ≥ 97% of no-auth throughput',
        w,
        roundRatio(mesh, w, 'cached', 'baseline'),
        0.97,
        cpuRatio(mesh, w, 'cached', 'baseline'),
        '%',
      );
      ratio(
        'cold-vs-baseline',
        'cold path (fresh token per call) keeps ≥ 75% of no-auth throughput',
        w,
        roundRatio(mesh, w, 'cold', 'baseline'),
        0.75,
        cpuRatio(mesh, w, 'cold', 'baseline'),
        '%',
      );
      ratio(
        'value-vs-reference',
        'value tokens give ≥ 2x the throughput of reference tokens',
        w,
        roundRatio(mesh, w, 'cached', 'reference'),
        2,
        cpuRatio(mesh, w, 'cached', 'reference'),
        'x',
      );
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

/** PASS/MISS of the CPU-bound estimate against the same threshold. */
export function formatCpuCheck(c: TargetCheck): string {
  if (c.cpuValue === undefined) return '–';
  const v = c.unit === '%' ? `${c.cpuValue.toFixed(1)}%` : `${c.cpuValue.toFixed(2)}x`;
  return `${c.cpuValue >= c.threshold ? 'PASS' : 'MISS'} ${v}`;
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
