import type { ChildProcess } from 'node:child_process';

// Every child the bench starts, so that all of them die with the bench, even on failure.
const children = new Map<ChildProcess, string>();
let installed = false;

function killAllNow(): void {
  for (const child of children.keys()) {
    if (child.exitCode === null && child.signalCode === null) {
      try {
        child.kill('SIGKILL');
      } catch {
        // already gone
      }
    }
  }
}

/** Registers a child for cleanup; the first call installs exit and signal hooks. */
export function track(child: ChildProcess, name: string): void {
  children.set(child, name);
  child.once('exit', () => children.delete(child));
  if (installed) return;
  installed = true;
  process.once('exit', killAllNow);
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(sig, () => {
      process.stderr.write(`bench: ${sig}, stopping ${children.size} processes\n`);
      killAllNow();
      process.exit(130);
    });
  }
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves when the process is gone. */
export async function stopProcess(child: ChildProcess, graceMs = 3000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/** Stops every tracked child (gracefully first). */
export async function stopAll(graceMs = 3000): Promise<void> {
  await Promise.all([...children.keys()].map((c) => stopProcess(c, graceMs)));
}
