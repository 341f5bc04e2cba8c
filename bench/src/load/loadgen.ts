// The load generator: a separate process (forked by the bench over IPC) so that the client's CPU
// is not counted in, nor competing inside, any server process. grpc-js clients, N calls in flight,
// spread over several channels, each with its own subchannel pool (its own HTTP/2 connection).
import * as grpc from '@grpc/grpc-js';
import { createAuthClient, createOrderClient } from '@jwt-mesh/contracts';
import { createTokenMinter } from '../common/tokens';
import { quantileSorted } from '../common/stats';
import type { FromLoadgen, RunResult, RunSpec, ToLoadgen } from './protocol';

type AnyClient = grpc.Client & Record<string, unknown>;
type Unary = (
  req: object,
  md: grpc.Metadata,
  o: grpc.CallOptions,
  cb: (e: grpc.ServiceError | null) => void,
) => void;

const send = (m: FromLoadgen) => process.send?.(m);
let mint: (() => string) | undefined;
const channels = new Map<string, AnyClient[]>();

function clientsFor(spec: RunSpec): AnyClient[] {
  const key = `${spec.method === 'Login' ? 'auth' : 'order'}@${spec.target}#${spec.channels}`;
  let list = channels.get(key);
  if (!list) {
    const make = spec.method === 'Login' ? createAuthClient : createOrderClient;
    list = Array.from(
      { length: spec.channels },
      () =>
        make(spec.target, {
          channelOptions: { 'grpc.use_local_subchannel_pool': 1 },
        }) as unknown as AnyClient,
    );
    channels.set(key, list);
  }
  return list;
}

function tokensFor(spec: RunSpec): {
  next: (caller: number) => string | undefined;
  minted: number;
  exhausted: () => boolean;
} {
  const plan = spec.tokens;
  if (plan.kind === 'none') return { next: () => undefined, minted: 0, exhausted: () => false };
  if (!mint) throw new Error('loadgen: no token template');
  if (plan.kind === 'per-caller') {
    const own = Array.from({ length: spec.concurrency }, () => mint!());
    return { next: (c) => own[c], minted: own.length, exhausted: () => false };
  }
  // fresh: enough for the whole run at a generous rate, bounded; pool: exactly `size`.
  const byTime = Math.ceil(((spec.warmupMs + spec.durationMs) / 1000) * 9000);
  const count =
    plan.kind === 'pool' ? plan.size : Math.min(spec.maxCalls, plan.max ?? byTime, byTime);
  const pool = Array.from({ length: count }, () => mint!());
  let i = 0;
  if (plan.kind === 'pool')
    return { next: () => pool[i++ % count], minted: count, exhausted: () => false };
  return { next: () => pool[i++], minted: count, exhausted: () => i >= count };
}

async function run(spec: RunSpec): Promise<RunResult> {
  const clients = clientsFor(spec);
  const mintStart = performance.now();
  const tokens = tokensFor(spec);
  const mintMs = performance.now() - mintStart;
  // Closed loop: every caller starts its next call when the previous one ends. The window counts
  // completions between measureFrom and its end (stopAt, or when fresh tokens ran out).
  const measureFrom = performance.now() + spec.warmupMs;
  let windowEnd = measureFrom + spec.durationMs;
  let started = false;
  let stopped = false;
  let exhausted = false;
  const latencies = new Float64Array(spec.maxCalls);
  const timeline: Array<[number, number, number]> = [];
  const errors: Record<string, number> = {};
  let calls = 0;
  let ok = 0;
  const markStart = () => {
    if (started) return;
    started = true;
    send({ type: 'mark', id: spec.id, phase: 'start' });
  };
  const stop = (at: number) => {
    if (stopped) return;
    stopped = true;
    windowEnd = Math.min(windowEnd, at);
    send({ type: 'mark', id: spec.id, phase: 'end' });
  };

  const one = (caller: number) =>
    new Promise<void>((resolve) => {
      const md = new grpc.Metadata();
      const token = tokens.next(caller);
      if (token) md.set('authorization', `Bearer ${token}`);
      const client = clients[caller % clients.length]!;
      const t = performance.now();
      const wall = Date.now();
      const fn = client[spec.method] as Unary;
      fn.call(client, spec.request, md, { deadline: wall + spec.deadlineMs }, (err) => {
        const ended = performance.now();
        if (ended >= measureFrom && ended <= windowEnd && calls < spec.maxCalls) {
          latencies[calls] = ended - t;
          calls += 1;
          if (!err) ok += 1;
          else {
            const name = grpc.status[err.code] ?? String(err.code);
            errors[name] = (errors[name] ?? 0) + 1;
          }
          if (spec.timeline) timeline.push([wall, Date.now(), err ? err.code : 0]);
        }
        resolve();
      });
    });

  const worker = async (caller: number) => {
    for (;;) {
      const now = performance.now();
      if (now >= measureFrom) markStart();
      if (now >= windowEnd || calls >= spec.maxCalls) return stop(now);
      if (tokens.exhausted()) {
        exhausted = true;
        return stop(now);
      }
      await one(caller);
    }
  };
  if (spec.warmupMs === 0) markStart();
  await Promise.all(Array.from({ length: spec.concurrency }, (_, c) => worker(c)));
  stop(performance.now());
  const sorted = latencies.slice(0, calls).sort();
  const windowMs = Math.max(1, windowEnd - measureFrom);
  return {
    id: spec.id,
    calls,
    ok,
    errors,
    elapsedMs: windowMs,
    callsPerSecond: (calls / windowMs) * 1000,
    p50Ms: quantileSorted(sorted, 0.5),
    p90Ms: quantileSorted(sorted, 0.9),
    p99Ms: quantileSorted(sorted, 0.99),
    minted: tokens.minted,
    mintMs,
    exhausted,
    ...(spec.timeline ? { timeline } : {}),
  };
}

process.on('message', (m: ToLoadgen) => {
  if (m.type === 'init') {
    mint = createTokenMinter(m.template);
    send({ type: 'ready' });
  } else if (m.type === 'run') {
    run(m.spec).then(
      (result) => send({ type: 'result', result }),
      (err: unknown) =>
        send({ type: 'error', id: m.spec.id, message: String((err as Error)?.stack ?? err) }),
    );
  } else if (m.type === 'exit') {
    for (const list of channels.values()) for (const c of list) c.close();
    process.exit(0);
  }
});
process.on('disconnect', () => process.exit(0));
send({ type: 'ready' });
