import { EventEmitter } from 'node:events';
import { NO_RESULT, exitWhenDone, runCli, type ExitingProcess } from './cli';
import { loadConfig } from './config';
import type { Io } from './context';
import type { Failure } from './errors';

const io = () => {
  const out: string[] = [];
  const err: string[] = [];
  const sinks: Io = {
    stdout: { write: (s: string) => out.push(s) },
    stderr: { write: (s: string) => err.push(s) },
    stdin: process.stdin,
  };
  return { out, err, sinks };
};
const config = () => loadConfig({ HOME: '/nonexistent', MESH_CLI_NAME: 'npm run cli --' });

describe('runCli', () => {
  it('fails with exit 1 when a command resolves without printing a result', async () => {
    const t = io();
    const code = await runCli(['whoami', '--json'], t.sinks, { config, dispatch: async () => {} });
    expect(code).toBe(1);
    expect(t.out).toEqual([]);
    expect(JSON.parse(t.err.join(''))).toEqual({
      error: { code: 'ERR_INTERNAL', message: NO_RESULT.message, exit_code: 1 },
    });
  });

  it('exits 0 after a result, and names the CLI as the user runs it in usage errors', async () => {
    const ok = io();
    const dispatch = async (ctx: { out: { result(d: unknown, h: string[]): void } }) =>
      ctx.out.result({}, ['done']);
    expect(await runCli(['whoami'], ok.sinks, { config, dispatch })).toBe(0);
    expect(ok.out.join('')).toBe('done\n');

    const bad = io();
    expect(await runCli(['frobnicate'], bad.sinks, { config })).toBe(2);
    expect(bad.err.join('')).toBe(
      'error: unknown command: frobnicate (try `npm run cli -- help`)\n',
    );
  });
});

describe('exitWhenDone', () => {
  const fakeProcess = () => {
    const ee = new EventEmitter();
    const exits: number[] = [];
    const proc: ExitingProcess & { emit(e: string): boolean } = {
      once: (e, l) => ee.once(e, l),
      emit: (e) => ee.emit(e),
      exit: (c) => void exits.push(c),
    };
    return { proc, exits };
  };

  it('exits with the code of the run', async () => {
    const { proc, exits } = fakeProcess();
    const reports: Failure[] = [];
    exitWhenDone(proc, Promise.resolve(4), (f) => reports.push(f));
    await new Promise((r) => setImmediate(r));
    proc.emit('beforeExit');
    expect(exits).toEqual([4]);
    expect(reports).toEqual([]);
  });

  it('exits 1 with a message when the event loop drains before the run settles', () => {
    const { proc, exits } = fakeProcess();
    const reports: Failure[] = [];
    exitWhenDone(proc, new Promise<number>(() => {}), (f) => reports.push(f));
    proc.emit('beforeExit');
    expect(exits).toEqual([1]);
    expect(reports).toEqual([NO_RESULT]);
  });

  it('exits non-zero when the run itself rejects', async () => {
    const { proc, exits } = fakeProcess();
    const reports: Failure[] = [];
    exitWhenDone(proc, Promise.reject(new Error('bug')), (f) => reports.push(f));
    await new Promise((r) => setImmediate(r));
    expect(exits).toEqual([1]);
    expect(reports[0]).toMatchObject({ code: 'ERR_INTERNAL', message: 'bug' });
  });
});
