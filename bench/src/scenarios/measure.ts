import type { Mesh, SetName } from '../cluster/mesh';
import { cpuMicros, rssKiB } from '../common/proc';
import type { Loadgen } from '../load/load-client';
import type { Method, RunResult, RunSpec, TokenPlan } from '../load/protocol';

/** One measured window against one service set, with server CPU and memory. */
export interface CellSample {
  callsPerSecond: number;
  calls: number;
  ok: number;
  errors: Record<string, number>;
  p50Ms: number;
  p99Ms: number;
  /** Server CPU per call, µs: order-service, user-service, auth-service, and their sum. */
  cpuUsPerCall: { order: number; user: number; auth: number; total: number };
  rssMiB: { order: number; user: number; auth: number };
  exhausted: boolean;
}

export const ITEMS = [{ sku: 'BENCH-1', quantity: 2, unit_price_cents: '1250' }];

export function requestFor(method: Method, orderId: string): object {
  return method === 'GetOrder' ? { order_id: orderId } : { items: ITEMS, idempotency_key: '' };
}

/** Runs one window and samples /proc of the set's processes at the window's start and end marks. */
export async function measureCell(
  mesh: Mesh,
  lg: Loadgen,
  set: SetName,
  method: Method,
  tokens: TokenPlan,
  o: Pick<RunSpec, 'concurrency' | 'channels' | 'warmupMs' | 'durationMs'>,
): Promise<CellSample> {
  const s = mesh.sets.get(set)!;
  const pids = mesh.pidsOf(set);
  const before = { order: 0, user: 0, auth: 0 };
  const after = { order: 0, user: 0, auth: 0 };
  const sample = (into: typeof before) => {
    into.order = cpuMicros(pids.order);
    into.user = cpuMicros(pids.user);
    into.auth = cpuMicros(pids.auth);
  };
  const r: RunResult = await lg.run(
    {
      target: `127.0.0.1:${s.order.port}`,
      method,
      request: requestFor(method, s.orderId),
      tokens,
      maxCalls: 2_000_000,
      deadlineMs: 5000,
      ...o,
    },
    (phase) => sample(phase === 'start' ? before : after),
  );
  const per = (k: keyof typeof before) => (after[k] - before[k]) / Math.max(1, r.calls);
  const mib = (pid: number) => rssKiB(pid) / 1024;
  return {
    callsPerSecond: r.callsPerSecond,
    calls: r.calls,
    ok: r.ok,
    errors: r.errors,
    p50Ms: r.p50Ms,
    p99Ms: r.p99Ms,
    cpuUsPerCall: {
      order: per('order'),
      user: per('user'),
      auth: per('auth'),
      total: per('order') + per('user') + per('auth'),
    },
    rssMiB: { order: mib(pids.order), user: mib(pids.user), auth: mib(pids.auth) },
    exhausted: r.exhausted,
  };
}
