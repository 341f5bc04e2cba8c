import { EventEmitter } from 'node:events';
import { captureLogger } from '../testing';
import { installShutdown } from './install-shutdown';

function setup(
  stop: (graceMs: number) => Promise<void>,
  o: { graceMs?: number; watchdogMarginMs?: number } = {},
) {
  const signals = new EventEmitter();
  const log = captureLogger();
  const exits: number[] = [];
  let onExit: (code: number) => void = () => undefined;
  const exited = new Promise<number>((r) => (onExit = r));
  const uninstall = installShutdown({
    logger: log.logger,
    graceMs: o.graceMs ?? 1234,
    watchdogMarginMs: o.watchdogMarginMs,
    stop,
    signals,
    exit: (code) => {
      exits.push(code);
      onExit(code);
    },
  });
  return { signals, log, exits, exited, uninstall };
}

describe('installShutdown', () => {
  it('stops gracefully on the first signal and exits 0 once drained', async () => {
    let finishStop!: () => void;
    const stop = jest.fn(() => new Promise<void>((r) => (finishStop = r)));
    const { signals, log, exits, exited } = setup(stop);
    signals.emit('SIGTERM', 'SIGTERM');
    expect(stop).toHaveBeenCalledWith(1234);
    expect(log.lines()).toContainEqual(
      expect.objectContaining({ msg: 'shutting down', signal: 'SIGTERM', graceMs: 1234 }),
    );
    expect(exits).toEqual([]);
    finishStop();
    expect(await exited).toBe(0);
    expect(stop).toHaveBeenCalledTimes(1);
  });

  it('exits 1 at once on a second signal', async () => {
    const { signals, exited } = setup(() => new Promise<void>(() => undefined));
    signals.emit('SIGINT', 'SIGINT');
    signals.emit('SIGTERM', 'SIGTERM');
    expect(await exited).toBe(1);
  });

  it('exits 1 when stop fails, and logs the error', async () => {
    const { signals, exited, log } = setup(() => Promise.reject(new Error('db close failed')));
    signals.emit('SIGTERM', 'SIGTERM');
    expect(await exited).toBe(1);
    expect(log.lines()).toContainEqual(
      expect.objectContaining({ msg: 'shutdown failed', level: 50 }),
    );
  });

  it('exits 1 through the watchdog when stop hangs past grace + margin, logging at error', async () => {
    const { signals, exited, exits, log, uninstall } = setup(
      () => new Promise<void>(() => undefined),
      { graceMs: 10, watchdogMarginMs: 10 },
    );
    signals.emit('SIGTERM', 'SIGTERM');
    expect(await exited).toBe(1);
    expect(exits).toEqual([1]);
    expect(log.lines()).toContainEqual(
      expect.objectContaining({
        level: 50,
        msg: 'shutdown did not finish in time, exiting',
        graceMs: 10,
        watchdogMarginMs: 10,
      }),
    );
    uninstall();
  });

  it('exits only once: a stop that settles after the watchdog fired changes nothing', async () => {
    let finishStop!: () => void;
    const { signals, exited, exits } = setup(() => new Promise<void>((r) => (finishStop = r)), {
      graceMs: 0,
      watchdogMarginMs: 5,
    });
    signals.emit('SIGTERM', 'SIGTERM');
    expect(await exited).toBe(1);
    finishStop();
    await new Promise((r) => setImmediate(r));
    expect(exits).toEqual([1]);
  });

  it('refuses a negative watchdog margin at install time', () => {
    expect(() => setup(() => Promise.resolve(), { watchdogMarginMs: -1 })).toThrow(
      /^watchdogMarginMs:/,
    );
  });

  it('uninstalls its listeners', () => {
    const { signals, uninstall } = setup(() => Promise.resolve());
    expect(signals.listenerCount('SIGTERM')).toBe(1);
    uninstall();
    expect(signals.listenerCount('SIGTERM') + signals.listenerCount('SIGINT')).toBe(0);
  });
});
