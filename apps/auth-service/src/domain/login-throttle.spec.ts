import { createLoginThrottle } from './login-throttle';

describe('login throttle', () => {
  let t = 0;
  const throttle = () =>
    createLoginThrottle({ maxFailures: 3, lockoutSeconds: 60, now: () => t, maxEntries: 2 });

  beforeEach(() => {
    t = 1_000_000;
  });

  it('locks a username after maxFailures failures for lockoutSeconds', () => {
    const th = throttle();
    th.recordFailure('Alice');
    th.recordFailure('alice');
    expect(th.retryAfterSeconds('alice')).toBe(0);
    th.recordFailure('ALICE');
    expect(th.retryAfterSeconds('alice')).toBe(60);
    t += 30_000;
    expect(th.retryAfterSeconds('alice')).toBe(30);
    t += 30_000;
    expect(th.retryAfterSeconds('alice')).toBe(0);
  });

  it('forgets failures after a success or once they are old', () => {
    const th = throttle();
    th.recordFailure('bob');
    th.recordFailure('bob');
    th.recordSuccess('bob');
    th.recordFailure('bob');
    expect(th.retryAfterSeconds('bob')).toBe(0);
    th.recordFailure('bob');
    t += 61_000;
    th.recordFailure('bob');
    expect(th.retryAfterSeconds('bob')).toBe(0);
  });

  it('keeps memory bounded', () => {
    const th = throttle();
    for (const u of ['a', 'a', 'a']) th.recordFailure(u);
    th.recordFailure('b');
    th.recordFailure('c'); // drops the oldest entry
    expect(th.retryAfterSeconds('a')).toBe(0);
  });

  it('checks its options', () => {
    expect(() => createLoginThrottle({ maxFailures: 0, lockoutSeconds: 1, now: () => 0 })).toThrow(
      /maxFailures/,
    );
  });
});
