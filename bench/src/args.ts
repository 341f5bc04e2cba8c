/** Command-line options of `npm run bench -- ...`. */
export interface BenchOptions {
  quick: boolean;
  /** Scenarios to run (1..5). */
  only: ReadonlySet<number>;
  /** Interleaved rounds per mesh cell. */
  rounds: number;
  warmupMs: number;
  durationMs: number;
  concurrency: number;
  channels: number;
  /** Verification/signing micro-benchmarks: time per measurement. */
  microMs: number;
  microRounds: number;
  /** Largest distinct-token count in scenario 5. */
  maxDistinctTokens: number;
  keepLogs: boolean;
  /** `--cpu-prof=cold|cached|none|reference`: profile the jwt (or that) set's services during one run. */
  cpuProf?: 'cold' | 'cached' | 'none' | 'reference';
  /** Write the report to bench/results (default) or only print it. */
  write: boolean;
  /** JWT_ALG of the mesh's auth-service (and JWT_ALGORITHMS of the services). */
  alg: 'ES256' | 'RS256' | 'PS256' | 'EdDSA';
}

export function parseArgs(argv: readonly string[]): BenchOptions {
  const flag = (name: string) => argv.includes(`--${name}`);
  const value = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const int = (name: string, dflt: number) => {
    const v = value(name);
    if (v === undefined) return dflt;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0)
      throw new TypeError(`--${name}: expected a non-negative integer`);
    return n;
  };
  const quick = flag('quick');
  const onlyRaw = value('only');
  const only = new Set(onlyRaw ? onlyRaw.split(',').map(Number) : [1, 2, 3, 4, 5]);
  const prof = value('cpu-prof');
  if (prof !== undefined && !['cold', 'cached', 'none', 'reference'].includes(prof)) {
    throw new TypeError('--cpu-prof: cold, cached, none or reference');
  }
  const alg = value('alg') ?? 'ES256';
  if (!['ES256', 'RS256', 'PS256', 'EdDSA'].includes(alg))
    throw new TypeError('--alg: ES256, RS256, PS256 or EdDSA');
  return {
    alg: alg as BenchOptions['alg'],
    quick,
    only,
    rounds: int('rounds', quick ? 2 : 10),
    warmupMs: int('warmup-ms', quick ? 400 : 600),
    durationMs: int('duration-ms', quick ? 1500 : 2000),
    concurrency: int('concurrency', 64),
    channels: int('channels', 4),
    microMs: int('micro-ms', quick ? 150 : 400),
    microRounds: int('micro-rounds', quick ? 2 : 5),
    maxDistinctTokens: int('max-tokens', quick ? 20_000 : 100_000),
    keepLogs: flag('keep-logs'),
    cpuProf: prof as BenchOptions['cpuProf'],
    write: !flag('no-write'),
  };
}
