export interface WaitOptions {
  timeoutMs: number;
  intervalMs?: number;
  /** Named in the timeout error. */
  what: string;
  /** Extra diagnostics for the timeout error (e.g. a process's last lines). */
  describe?: () => string;
}

/** Polls `check` until it returns true, rethrowing what it throws; fails after the deadline. */
export async function waitUntil(
  check: () => boolean | Promise<boolean>,
  o: WaitOptions,
): Promise<void> {
  const deadline = Date.now() + o.timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) {
      throw new Error(
        `timed out after ${o.timeoutMs} ms waiting for ${o.what}${o.describe ? `\n${o.describe()}` : ''}`,
      );
    }
    await new Promise((r) => setTimeout(r, o.intervalMs ?? 100));
  }
}
