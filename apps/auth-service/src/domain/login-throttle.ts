export interface LoginThrottleOptions {
  /** Failures in a row (per username) that trigger a lockout. */
  maxFailures: number;
  /** How long a lockout lasts; failures older than this are forgotten too. */
  lockoutSeconds: number;
  /** Milliseconds since the epoch. */
  now: () => number;
  /** Usernames tracked at once; the oldest entry is dropped beyond this, so memory stays bounded. */
  maxEntries?: number;
}

interface Entry {
  failures: number;
  lastFailureAt: number;
  lockedUntil: number;
}

/**
 * Per-username failure counter with a temporary lockout. It is keyed by the normalised username
 * whether or not the user exists, so a lockout tells an attacker nothing about which names are real.
 * In memory: a restart forgets it, which is acceptable for a lockout measured in minutes.
 */
export interface LoginThrottle {
  /** Seconds until `username` may try again, or 0 when it may try now. */
  retryAfterSeconds(username: string): number;
  recordFailure(username: string): void;
  recordSuccess(username: string): void;
}

export function createLoginThrottle(o: LoginThrottleOptions): LoginThrottle {
  if (!Number.isInteger(o.maxFailures) || o.maxFailures < 1)
    throw new TypeError('maxFailures must be an integer ≥ 1');
  if (!(o.lockoutSeconds >= 0)) throw new TypeError('lockoutSeconds must be ≥ 0');
  const maxEntries = o.maxEntries ?? 10_000;
  const windowMs = o.lockoutSeconds * 1000;
  const entries = new Map<string, Entry>();
  const key = (u: string) => u.normalize('NFKC').toLowerCase();

  function current(k: string): Entry | undefined {
    const e = entries.get(k);
    if (!e) return undefined;
    const t = o.now();
    if (e.lockedUntil <= t && t - e.lastFailureAt >= windowMs) {
      entries.delete(k);
      return undefined;
    }
    return e;
  }

  return {
    retryAfterSeconds(username) {
      const e = current(key(username));
      const left = e ? e.lockedUntil - o.now() : 0;
      return left > 0 ? Math.ceil(left / 1000) : 0;
    },
    recordFailure(username) {
      const k = key(username);
      const t = o.now();
      const e = current(k) ?? { failures: 0, lastFailureAt: t, lockedUntil: 0 };
      e.failures += 1;
      e.lastFailureAt = t;
      if (e.failures >= o.maxFailures) {
        e.lockedUntil = t + windowMs;
        e.failures = 0;
      }
      entries.delete(k); // re-insert so Map order is least-recently-failed first
      entries.set(k, e);
      if (entries.size > maxEntries) {
        const oldest = entries.keys().next().value;
        if (oldest !== undefined) entries.delete(oldest);
      }
    },
    recordSuccess(username) {
      entries.delete(key(username));
    },
  };
}
