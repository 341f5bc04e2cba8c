import type { BenchOptions } from '../args';
import type { Mesh } from '../cluster/mesh';
import { cpuMicros } from '../common/proc';
import type { Loadgen } from '../load/load-client';

export interface LoginResult {
  concurrency: number;
  loginsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  authCpuMsPerLogin: number;
  errors: Record<string, number>;
}

/** Scenario 4 (part): Login against the real auth-service (scrypt at the default cost 2^15). */
export async function runLoginScenario(
  mesh: Mesh,
  lg: Loadgen,
  opts: BenchOptions,
): Promise<LoginResult> {
  const concurrency = 8;
  let before = 0;
  let after = 0;
  const r = await lg.run(
    {
      target: `127.0.0.1:${mesh.auth.port}`,
      method: 'Login',
      request: { username: 'bob', password: 'bob-password' },
      concurrency,
      channels: 1,
      tokens: { kind: 'none' },
      warmupMs: opts.quick ? 300 : 1000,
      durationMs: opts.quick ? 1500 : 4000,
      maxCalls: 100_000,
      deadlineMs: 10_000,
    },
    (phase) =>
      phase === 'start' ? (before = cpuMicros(mesh.auth.pid)) : (after = cpuMicros(mesh.auth.pid)),
  );
  return {
    concurrency,
    loginsPerSecond: r.callsPerSecond,
    p50Ms: r.p50Ms,
    p99Ms: r.p99Ms,
    authCpuMsPerLogin: (after - before) / 1000 / Math.max(1, r.calls),
    errors: r.errors,
  };
}
