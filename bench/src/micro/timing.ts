/**
 * Operations per second of `fn`, run back to back on this thread for about `ms` (bounded in time
 * and in count). Async functions are awaited one at a time: the cost a single call pays.
 */
export async function opsPerSecond(
  fn: () => unknown,
  ms: number,
  maxOps = 5_000_000,
): Promise<number> {
  const start = performance.now();
  const end = start + ms;
  let ops = 0;
  let now = start;
  while (now < end && ops < maxOps) {
    for (let i = 0; i < 16; i++) {
      const r = fn();
      if (r instanceof Promise) await r;
    }
    ops += 16;
    now = performance.now();
  }
  return (ops / (now - start)) * 1000;
}
