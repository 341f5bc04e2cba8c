import { status } from '@grpc/grpc-js';
import { LoginOverloadedError } from '../errors';
import { createHashAdmission } from './hash-admission';

function deferred(): { promise: Promise<string>; resolve: (v: string) => void } {
  let resolve!: (v: string) => void;
  const promise = new Promise<string>((r) => (resolve = r));
  return { promise, resolve };
}

describe('createHashAdmission', () => {
  it('runs maxConcurrent at once, queues maxQueued, refuses the rest without running them', async () => {
    const hashing = createHashAdmission({ maxConcurrent: 1, maxQueued: 1 });
    const first = deferred();
    const second = deferred();
    const started: string[] = [];
    const a = hashing.run(() => (started.push('a'), first.promise));
    const b = hashing.run(() => (started.push('b'), second.promise));
    let cRan = false;
    const c = hashing.run(async () => ((cRan = true), 'c'));
    await expect(c).rejects.toBeInstanceOf(LoginOverloadedError);
    await expect(c).rejects.toMatchObject({
      code: 'ERR_LOGIN_OVERLOADED',
      grpcCode: status.RESOURCE_EXHAUSTED,
    });
    expect(cRan).toBe(false);
    expect(started).toEqual(['a']);
    expect(hashing.stats()).toEqual({ inFlight: 1, queued: 1, rejected: 1 });

    first.resolve('A');
    await expect(a).resolves.toBe('A');
    expect(started).toEqual(['a', 'b']);
    expect(hashing.stats()).toEqual({ inFlight: 1, queued: 0, rejected: 1 });
    second.resolve('B');
    await expect(b).resolves.toBe('B');
    expect(hashing.stats()).toEqual({ inFlight: 0, queued: 0, rejected: 1 });
    await expect(hashing.run(async () => 'again')).resolves.toBe('again');
  });

  it('frees the slot when a hash fails', async () => {
    const hashing = createHashAdmission({ maxConcurrent: 1, maxQueued: 0 });
    await expect(hashing.run(() => Promise.reject(new Error('scrypt failed')))).rejects.toThrow(
      'scrypt failed',
    );
    await expect(hashing.run(async () => 'ok')).resolves.toBe('ok');
    expect(hashing.stats()).toEqual({ inFlight: 0, queued: 0, rejected: 0 });
  });

  it('never has more than maxConcurrent in flight under a burst', async () => {
    const hashing = createHashAdmission({ maxConcurrent: 3, maxQueued: 5 });
    let running = 0;
    let peak = 0;
    const hash = async () => {
      running += 1;
      peak = Math.max(peak, running);
      await new Promise((r) => setImmediate(r));
      running -= 1;
      return true;
    };
    const outcomes = await Promise.allSettled(Array.from({ length: 20 }, () => hashing.run(hash)));
    expect(peak).toBe(3);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(8);
    expect(hashing.stats()).toEqual({ inFlight: 0, queued: 0, rejected: 12 });
  });

  it.each([
    [{ maxConcurrent: 0, maxQueued: 1 }, 'maxConcurrent'],
    [{ maxConcurrent: 1.5, maxQueued: 1 }, 'maxConcurrent'],
    [{ maxConcurrent: 1, maxQueued: -1 }, 'maxQueued'],
    [{ maxConcurrent: 1, maxQueued: Number.NaN }, 'maxQueued'],
  ])('refuses %o with a TypeError naming %s', (options, name) => {
    expect(() => createHashAdmission(options)).toThrow(
      new TypeError(`${name} must be an integer ≥ ${name === 'maxQueued' ? 0 : 1}`),
    );
  });
});
