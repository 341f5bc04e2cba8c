// The real thing: a bundled service main run by plain node, stopped by a real signal.
import { buildSync } from 'esbuild';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// A child that outlives this is SIGKILLed, so a hang is a failure here rather than a stuck run.
const CHILD_TIMEOUT_MS = 15_000;

let dir: string;
let main: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'service-kit-shutdown-'));
  main = join(dir, 'main.js');
  buildSync({
    entryPoints: [join(__dirname, 'fixtures', 'shutdown-main.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: main,
    logLevel: 'silent',
  });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; killed: boolean }>;
  /** Resolves once stdout holds a line containing `text`. */
  waitForStdout: (text: string) => Promise<void>;
}

function start(mode: 'hang' | 'clean', watchdogMarginMs = 300): Run {
  const child = spawn(process.execPath, [main, mode, String(watchdogMarginMs)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let killed = false;
  child.stdout!.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const killer = setTimeout(() => {
    killed = true;
    child.kill('SIGKILL');
  }, CHILD_TIMEOUT_MS);
  const exited = once(child, 'exit').then(([code, signal]) => {
    clearTimeout(killer);
    return { code: code as number | null, signal: signal as NodeJS.Signals | null, killed };
  });
  const waitForStdout = (text: string) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (!stdout.includes(text)) return;
        child.stdout!.off('data', check);
        resolve();
      };
      child.stdout!.on('data', check);
      void exited.then(() => reject(new Error(`exited before "${text}": ${stdout}${stderr}`)));
      check();
    });
  return { child, stdout: () => stdout, stderr: () => stderr, exited, waitForStdout };
}

const lines = (text: string) =>
  text
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, unknown>);

it('exits 1 through the watchdog when stop() hangs past the grace', async () => {
  const run = start('hang');
  await run.waitForStdout('"ready"');
  run.child.kill('SIGTERM');
  const result = await run.exited;
  expect(result).toEqual({ code: 1, signal: null, killed: false });
  expect(lines(run.stdout())).toContainEqual(
    expect.objectContaining({ level: 50, msg: 'shutdown did not finish in time, exiting' }),
  );
}, 20_000);

it('exits 0 when stop() finishes, without waiting for the watchdog', async () => {
  const run = start('clean');
  await run.waitForStdout('"ready"');
  run.child.kill('SIGTERM');
  expect(await run.exited).toEqual({ code: 0, signal: null, killed: false });
}, 20_000);

it('a second signal exits 1 at once while stop() hangs', async () => {
  const run = start('hang', 10_000); // the watchdog must not be what ends it
  await run.waitForStdout('"ready"');
  run.child.kill('SIGTERM');
  await run.waitForStdout('"shutting down"');
  run.child.kill('SIGINT');
  expect(await run.exited).toEqual({ code: 1, signal: null, killed: false });
  const msgs = lines(run.stdout()).map((l) => l.msg);
  expect(msgs).toContain('second signal, exiting now');
  expect(msgs).not.toContain('shutdown did not finish in time, exiting'); // not the watchdog
}, 20_000);

it('survives writes to a closed stdout (EPIPE) and still stops cleanly', async () => {
  const run = start('clean');
  await run.waitForStdout('"ready"');
  // What `main.js | head -1` does once head has its line: the reading end goes away.
  run.child.stdout!.destroy();
  await new Promise<void>((resolve, reject) => {
    const check = () => {
      if (run.stderr().includes('write failed: EPIPE')) resolve();
    };
    run.child.stderr!.on('data', check);
    void run.exited.then(() => reject(new Error(`exited early: ${run.stderr()}`)));
  });
  run.child.kill('SIGTERM');
  expect(await run.exited).toEqual({ code: 0, signal: null, killed: false });
  expect(run.stderr()).not.toContain('Error');
}, 20_000);
