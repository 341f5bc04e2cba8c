import type { BenchOptions } from '../args';
import type { Mesh, SetName } from '../cluster/mesh';
import { sleep } from '../common/proc';
import type { Loadgen } from '../load/load-client';
import type { RunResult, TokenPlan } from '../load/protocol';
import { requestFor } from './measure';

export interface OutagePhase {
  calls: number;
  ok: number;
  successRate: number;
}

export interface OutageLoadResult {
  key: 'value-cached' | 'value-cold' | 'reference';
  label: string;
  before: OutagePhase;
  during: OutagePhase;
  after: OutagePhase;
  errorsDuring: Record<string, number>;
}

export interface OutageResult {
  /** Seconds from the start of the load: auth-service stop requested, and listening again. */
  stopAtS: number;
  backAtS: number;
  windowS: number;
  concurrency: number;
  loads: OutageLoadResult[];
}

const LOADS: ReadonlyArray<{
  key: OutageLoadResult['key'];
  set: SetName;
  tokens: TokenPlan;
  label: string;
}> = [
  {
    key: 'value-cached',
    set: 'jwt',
    tokens: { kind: 'per-caller' },
    label: 'value tokens (cache on)',
  },
  {
    key: 'value-cold',
    set: 'jwt',
    tokens: { kind: 'fresh' },
    label: 'value tokens, fresh per call',
  },
  {
    key: 'reference',
    set: 'introspect',
    tokens: { kind: 'per-caller' },
    label: 'reference tokens',
  },
];

const GRPC_NAMES: Record<number, string> = {
  1: 'CANCELLED',
  2: 'UNKNOWN',
  4: 'DEADLINE_EXCEEDED',
  13: 'INTERNAL',
  14: 'UNAVAILABLE',
  16: 'UNAUTHENTICATED',
};

/**
 * Scenario 3: three CreateOrder loads at once (through order → user), auth-service stopped
 * (SIGTERM, graceful) in the middle and started again on the same ports, key and data. Success is
 * counted by the time a call STARTED: before the stop, between stop and listening again, after.
 */
export async function runOutageScenario(
  mesh: Mesh,
  lg: Loadgen,
  opts: BenchOptions,
): Promise<OutageResult> {
  const beforeMs = opts.quick ? 1000 : 2000;
  const outageMs = opts.quick ? 2000 : 4000;
  const afterMs = opts.quick ? 1500 : 3000;
  const concurrency = 16;
  // The outage clock starts only once every load is running. The fresh-token load starts first
  // and alone: minting its pool blocks the (single-threaded) load generator for a moment, which
  // must not stall the other loads' calls in flight.
  const spec = (l: (typeof LOADS)[number]) => ({
    target: `127.0.0.1:${mesh.sets.get(l.set)!.order.port}`,
    method: 'CreateOrder' as const,
    request: requestFor('CreateOrder', ''),
    concurrency,
    channels: 2,
    tokens: l.tokens,
    warmupMs: 0,
    // generous: the restart takes a moment, and the load must run well past it
    durationMs: beforeMs + outageMs + afterMs + 6000,
    maxCalls: 500_000,
    deadlineMs: 1000,
    timeline: true,
  });
  const startedRun = (l: (typeof LOADS)[number]) => {
    let started: () => void = () => undefined;
    const isRunning = new Promise<void>((r) => (started = r));
    const done = lg.run(spec(l), (phase) => phase === 'start' && started());
    // unref: a pending fallback timer must not keep the bench alive for a minute after it is done
    const fallback = new Promise<void>((r) => setTimeout(r, 60_000).unref());
    return { done, isRunning: Promise.race([isRunning, fallback]) };
  };
  const ordered = [LOADS[1]!, LOADS[0]!, LOADS[2]!];
  const handles: Array<ReturnType<typeof startedRun>> = [];
  for (const l of ordered) {
    const h = startedRun(l);
    await h.isRunning;
    handles.push(h);
  }
  const runs = LOADS.map((l) => handles[ordered.indexOf(l)]!.done);
  const t0 = Date.now();
  await sleep(beforeMs);
  const stopAt = Date.now();
  await mesh.stopAuth();
  await sleep(Math.max(0, outageMs - (Date.now() - stopAt)));
  await mesh.startAuth();
  const backAt = Date.now();
  const results: RunResult[] = await Promise.all(runs);
  return {
    stopAtS: (stopAt - t0) / 1000,
    backAtS: (backAt - t0) / 1000,
    windowS: (backAt - stopAt) / 1000,
    concurrency,
    loads: results.map((r, i) => {
      const tl = r.timeline ?? [];
      const phase = (from: number, to: number): OutagePhase => {
        const inside = tl.filter(([start]) => start >= from && start < to);
        const ok = inside.filter(([, , code]) => code === 0).length;
        return {
          calls: inside.length,
          ok,
          successRate: inside.length ? ok / inside.length : Number.NaN,
        };
      };
      const errorsDuring: Record<string, number> = {};
      for (const [start, , code] of tl) {
        if (start >= stopAt && start < backAt && code !== 0) {
          const name = GRPC_NAMES[code] ?? String(code);
          errorsDuring[name] = (errorsDuring[name] ?? 0) + 1;
        }
      }
      return {
        key: LOADS[i]!.key,
        label: LOADS[i]!.label,
        before: phase(0, stopAt),
        during: phase(stopAt, backAt),
        after: phase(backAt, Number.MAX_SAFE_INTEGER),
        errorsDuring,
      };
    }),
  };
}
