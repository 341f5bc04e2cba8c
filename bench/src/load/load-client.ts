import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { TokenTemplate } from '../common/tokens';
import type { FromLoadgen, RunResult, RunSpec, ToLoadgen } from './protocol';
import { track } from '../cluster/processes';

export interface Loadgen {
  readonly pid: number;
  /** Runs one measurement; `onMark` fires when the window starts and ends (sample server CPU then). */
  run(spec: Omit<RunSpec, 'id'>, onMark?: (phase: 'start' | 'end') => void): Promise<RunResult>;
  close(): Promise<void>;
}

let nextId = 1;

/** Forks dist/bench/loadgen.js (beside this bundle) and hands it the token template. */
export async function startLoadgen(template: TokenTemplate): Promise<Loadgen> {
  const child: ChildProcess = fork(join(__dirname, 'loadgen.js'), [], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  track(child, 'loadgen');
  const pending = new Map<
    number,
    {
      resolve: (r: RunResult) => void;
      reject: (e: Error) => void;
      onMark?: (p: 'start' | 'end') => void;
    }
  >();
  let ready: () => void = () => undefined;
  const readyP = new Promise<void>((r) => (ready = r));
  let readies = 0;
  child.on('message', (m: FromLoadgen) => {
    if (m.type === 'ready') {
      readies += 1;
      if (readies === 1) child.send({ type: 'init', template } satisfies ToLoadgen);
      else ready();
    } else if (m.type === 'mark') pending.get(m.id)?.onMark?.(m.phase);
    else if (m.type === 'result') {
      pending.get(m.result.id)?.resolve(m.result);
      pending.delete(m.result.id);
    } else if (m.type === 'error') {
      pending.get(m.id)?.reject(new Error(`loadgen: ${m.message}`));
      pending.delete(m.id);
    }
  });
  child.on('exit', (code) => {
    for (const p of pending.values()) p.reject(new Error(`loadgen exited with ${code}`));
    pending.clear();
  });
  await Promise.race([
    readyP,
    new Promise((_, reject) =>
      setTimeout(() => reject(new Error('loadgen did not start in 15 s')), 15_000).unref(),
    ),
  ]);
  return {
    pid: child.pid!,
    run(spec, onMark) {
      const id = nextId++;
      return new Promise<RunResult>((resolve, reject) => {
        pending.set(id, { resolve, reject, onMark });
        child.send({ type: 'run', spec: { ...spec, id } } satisfies ToLoadgen);
      });
    },
    async close() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.send({ type: 'exit' } satisfies ToLoadgen);
      await Promise.race([exited, new Promise((r) => setTimeout(r, 2000).unref())]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}
