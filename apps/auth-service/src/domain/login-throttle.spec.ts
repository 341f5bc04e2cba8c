import { createLoginThrottle, type LoginThrottle } from './login-throttle';

/** One whole attempt: admitted, then finished with `outcome`; returns what `begin` said. */
function attempt(th: LoginThrottle, user: string, outcome: 'success' | 'failure'): number {
  const wait = th.begin(user);
  if (wait === 0) th.finish(user, outcome);
  return wait;
}

describe('login throttle', () => {
  let t = 0;
  const throttle = () =>
    createLoginThrottle({ maxFailures: 3, lockoutSeconds: 60, now: () => t, maxEntries: 2 });

  beforeEach(() => {
    t = 1_000_000;
  });

  it('locks a username after maxFailures failures for lockoutSeconds', () => {
    const th = throttle();
    attempt(th, 'Alice', 'failure');
    attempt(th, 'alice', 'failure');
    expect(th.retryAfterSeconds('alice')).toBe(0);
    attempt(th, 'ALICE', 'failure');
    expect(th.retryAfterSeconds('alice')).toBe(60);
    expect(th.begin('alice')).toBe(60);
    t += 30_000;
    expect(th.retryAfterSeconds('alice')).toBe(30);
    t += 30_000;
    expect(th.retryAfterSeconds('alice')).toBe(0);
    expect(attempt(th, 'alice', 'success')).toBe(0);
  });

  it('forgets failures after a success or once they are old', () => {
    const th = throttle();
    attempt(th, 'bob', 'failure');
    attempt(th, 'bob', 'failure');
    attempt(th, 'bob', 'success');
    attempt(th, 'bob', 'failure');
    expect(th.retryAfterSeconds('bob')).toBe(0);
    attempt(th, 'bob', 'failure');
    t += 61_000;
    attempt(th, 'bob', 'failure');
    expect(th.retryAfterSeconds('bob')).toBe(0);
  });

  it('counts attempts in flight: a parallel burst gets maxFailures checks, not more', () => {
    const th = throttle();
    const admitted = Array.from({ length: 40 }, () => th.begin('carol')).filter((w) => w === 0);
    expect(admitted).toHaveLength(3);
    expect(th.begin('carol')).toBe(1); // not locked yet: wait for the checks in flight
    for (let i = 0; i < 3; i++) th.finish('carol', 'failure');
    expect(th.retryAfterSeconds('carol')).toBe(60);
  });

  it('a success inside a burst does not free the reservations still in flight', () => {
    const th = throttle();
    expect([th.begin('dave'), th.begin('dave'), th.begin('dave')]).toEqual([0, 0, 0]);
    th.finish('dave', 'success');
    expect(th.begin('dave')).toBe(0); // the success freed only its own slot
    expect(th.begin('dave')).toBe(1);
    th.finish('dave', 'failure');
    th.finish('dave', 'failure');
    th.finish('dave', 'failure');
    expect(th.retryAfterSeconds('dave')).toBe(60);
  });

  it('abandoned attempts (shed before hashing) are not failures', () => {
    const th = throttle();
    for (let i = 0; i < 10; i++) {
      expect(th.begin('erin')).toBe(0);
      th.finish('erin', 'abandoned');
    }
    expect(th.retryAfterSeconds('erin')).toBe(0);
    expect(attempt(th, 'erin', 'failure')).toBe(0);
    expect(attempt(th, 'erin', 'failure')).toBe(0);
    expect(th.retryAfterSeconds('erin')).toBe(0);
  });

  it('keeps memory bounded, and never evicts a name with attempts in flight first', () => {
    const th = throttle();
    for (let i = 0; i < 2; i++) attempt(th, 'a', 'failure');
    attempt(th, 'b', 'failure');
    attempt(th, 'c', 'failure'); // drops the oldest entry, a, and its two failures
    attempt(th, 'a', 'failure');
    expect(th.retryAfterSeconds('a')).toBe(0); // one failure counted, not three

    const th2 = throttle();
    expect([th2.begin('x'), th2.begin('x'), th2.begin('x')]).toEqual([0, 0, 0]);
    attempt(th2, 'y', 'failure');
    attempt(th2, 'z', 'failure'); // y goes, not x
    expect(th2.begin('x')).toBe(1);
  });

  it('a flood of new usernames does not wash out a lockout', () => {
    const th = throttle(); // maxEntries 2
    for (let i = 0; i < 3; i++) attempt(th, 'victim', 'failure');
    expect(th.retryAfterSeconds('victim')).toBe(60);
    for (let i = 0; i < 50; i++) attempt(th, `flood-${i}`, 'failure');
    expect(th.retryAfterSeconds('victim')).toBe(60);
    expect(th.begin('victim')).toBe(60);
  });

  it('checks its options', () => {
    expect(() => createLoginThrottle({ maxFailures: 0, lockoutSeconds: 1, now: () => 0 })).toThrow(
      /maxFailures/,
    );
  });
});
