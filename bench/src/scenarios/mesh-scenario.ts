import type { BenchOptions } from '../args';
import type { Mesh, SetName } from '../cluster/mesh';
import type { Loadgen } from '../load/load-client';
import type { Method, TokenPlan } from '../load/protocol';
import { measureCell, type CellSample } from './measure';

export type CellKey = 'baseline' | 'cached' | 'uncached' | 'cold' | 'reference';
export type WorkloadKey = 'read' | 'create';

export const CELLS: ReadonlyArray<{
  key: CellKey;
  set: SetName;
  tokens: TokenPlan;
  label: string;
}> = [
  { key: 'baseline', set: 'none', tokens: { kind: 'per-caller' }, label: 'no auth (baseline)' },
  {
    key: 'cached',
    set: 'jwt',
    tokens: { kind: 'per-caller' },
    label: 'value tokens, cache on (default)',
  },
  {
    key: 'uncached',
    set: 'nocache',
    tokens: { kind: 'per-caller' },
    label: 'value tokens, cache off',
  },
  {
    key: 'cold',
    set: 'jwt',
    tokens: { kind: 'fresh' },
    label: 'value tokens, fresh token per call (cold)',
  },
  {
    key: 'reference',
    set: 'introspect',
    tokens: { kind: 'per-caller' },
    label: 'reference tokens (Introspect per call per service)',
  },
];

export const WORKLOADS: ReadonlyArray<{ key: WorkloadKey; method: Method; label: string }> = [
  { key: 'read', method: 'GetOrder', label: 'GetOrder (client → order-service, SQLite read)' },
  {
    key: 'create',
    method: 'CreateOrder',
    label: 'CreateOrder (client → order-service → user-service GetMe, SQLite write)',
  },
];

export interface MeshResult {
  rounds: number;
  /** samples[workload][cell][round] */
  samples: Record<WorkloadKey, Record<CellKey, CellSample[]>>;
}

/**
 * Scenario 2: every cell of every workload once per round; the cell order rotates each round
 * (ABAB…, no cell always first or last), so drift in machine load hits all cells alike.
 */
export async function runMeshScenario(
  mesh: Mesh,
  lg: Loadgen,
  opts: BenchOptions,
  log: (s: string) => void,
): Promise<MeshResult> {
  const samples = {} as MeshResult['samples'];
  for (const w of WORKLOADS) {
    samples[w.key] = {} as Record<CellKey, CellSample[]>;
    for (const c of CELLS) samples[w.key][c.key] = [];
  }
  // One unrecorded pass over every cell first, so no cell's first round pays for JIT warm-up.
  for (const w of WORKLOADS) {
    for (const c of CELLS) {
      await measureCell(mesh, lg, c.set, w.method, c.tokens, {
        ...opts,
        warmupMs: 0,
        durationMs: opts.warmupMs,
      });
    }
  }
  for (let round = 0; round < opts.rounds; round++) {
    for (const w of WORKLOADS) {
      const order = CELLS.map((_, i) => CELLS[(i + round) % CELLS.length]!);
      for (const c of order) {
        const s = await measureCell(mesh, lg, c.set, w.method, c.tokens, opts);
        samples[w.key][c.key].push(s);
        log(
          `  round ${round + 1}/${opts.rounds} ${w.key.padEnd(6)} ${c.key.padEnd(9)} ${Math.round(s.callsPerSecond)} calls/s, p99 ${s.p99Ms.toFixed(1)} ms, ${Math.round(s.cpuUsPerCall.total)} µs CPU/call${s.ok < s.calls ? `, ${s.calls - s.ok} errors ${JSON.stringify(s.errors)}` : ''}${s.exhausted ? ' (token pool ran out)' : ''}`,
        );
      }
    }
  }
  return { rounds: opts.rounds, samples };
}
