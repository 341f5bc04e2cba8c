import type { BenchOptions } from '../args';
import type { Mesh } from '../cluster/mesh';
import { median } from '../common/stats';
import type { Loadgen } from '../load/load-client';
import { measureCell } from './measure';

export interface ConcurrencyPoint {
  concurrency: number;
  baseline: { callsPerSecond: number; p50Ms: number; p99Ms: number; rssOrderMiB: number };
  cached: { callsPerSecond: number; p50Ms: number; p99Ms: number; rssOrderMiB: number };
  ratio: number;
}

export interface TokensPoint {
  distinctTokens: number;
  callsPerSecond: number;
  cpuUsPerCall: number;
  p99Ms: number;
  rssOrderMiB: number;
}

export interface GrowthResult {
  rounds: number;
  concurrency: ConcurrencyPoint[];
  tokens: TokensPoint[];
  cacheMax: number;
}

/**
 * Scenario 5, GetOrder on order-service. (a) callers in flight 1, 8, 64, 256: baseline vs value
 * tokens with the cache, interleaved. (b) N distinct tokens round-robin against the default cache
 * (10,000 entries): throughput, CPU per call and order-service RSS, which must stop growing.
 */
export async function runGrowthScenario(
  mesh: Mesh,
  lg: Loadgen,
  opts: BenchOptions,
  log: (s: string) => void,
): Promise<GrowthResult> {
  const rounds = opts.quick ? 1 : 3;
  const dur = opts.quick ? 1000 : 2000;
  const levels = [1, 8, 64, 256];
  const acc = new Map<
    number,
    { b: Awaited<ReturnType<typeof measureCell>>[]; c: Awaited<ReturnType<typeof measureCell>>[] }
  >();
  for (const n of levels) acc.set(n, { b: [], c: [] });
  for (let r = 0; r < rounds; r++) {
    for (const n of levels) {
      const o = {
        concurrency: n,
        channels: Math.min(opts.channels, n),
        warmupMs: opts.warmupMs,
        durationMs: dur,
      };
      const pair = r % 2 === 0 ? (['none', 'jwt'] as const) : (['jwt', 'none'] as const);
      for (const set of pair) {
        const s = await measureCell(mesh, lg, set, 'GetOrder', { kind: 'per-caller' }, o);
        acc.get(n)![set === 'none' ? 'b' : 'c'].push(s);
        log(`  concurrency ${n} ${set}: ${Math.round(s.callsPerSecond)} calls/s`);
      }
    }
  }
  const concurrency = levels.map((n) => {
    const { b, c } = acc.get(n)!;
    const pick = (xs: typeof b) => ({
      callsPerSecond: median(xs.map((x) => x.callsPerSecond)),
      p50Ms: median(xs.map((x) => x.p50Ms)),
      p99Ms: median(xs.map((x) => x.p99Ms)),
      rssOrderMiB: median(xs.map((x) => x.rssMiB.order)),
    });
    return {
      concurrency: n,
      baseline: pick(b),
      cached: pick(c),
      ratio: median(c.map((x, i) => x.callsPerSecond / b[i]!.callsPerSecond)),
    };
  });

  const sizes = [1, 100, 1000, 10_000, 100_000].filter((n) => n <= opts.maxDistinctTokens);
  if (!sizes.includes(opts.maxDistinctTokens)) sizes.push(opts.maxDistinctTokens);
  const tokens: TokensPoint[] = [];
  for (const n of sizes) {
    // Enough warm-up for one full pass over pools the cache can hold (then every call hits).
    const warmupMs = n <= 10_000 ? Math.min(8000, opts.warmupMs + Math.ceil(n / 2)) : opts.warmupMs;
    const s = await measureCell(
      mesh,
      lg,
      'jwt',
      'GetOrder',
      { kind: 'pool', size: n },
      {
        concurrency: opts.concurrency,
        channels: opts.channels,
        warmupMs,
        durationMs: opts.quick ? 1500 : 3000,
      },
    );
    tokens.push({
      distinctTokens: n,
      callsPerSecond: s.callsPerSecond,
      cpuUsPerCall: s.cpuUsPerCall.order,
      p99Ms: s.p99Ms,
      rssOrderMiB: s.rssMiB.order,
    });
    log(
      `  ${n} distinct tokens: ${Math.round(s.callsPerSecond)} calls/s, ${Math.round(s.cpuUsPerCall.order)} µs CPU/call, order-service RSS ${s.rssMiB.order.toFixed(1)} MiB`,
    );
  }
  return { rounds, concurrency, tokens, cacheMax: 10_000 };
}
