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
  /** Attempts admitted whose password check has not finished; each may still become a failure. */
  inFlight: number;
  lastFailureAt: number;
  lockedUntil: number;
}

/** What a caller of `begin` reports once the password check of that attempt is over. */
export type AttemptOutcome = 'success' | 'failure' | 'abandoned';

/**
 * Per-username failure counter with a temporary lockout. It is keyed by the normalised username
 * whether or not the user exists, so a lockout tells an attacker nothing about which names are real.
 * In memory: a restart forgets it, which is acceptable for a lockout measured in minutes.
 *
 * Attempts are admitted with `begin` *before* the password is hashed and count as possible
 * failures until they `finish`: otherwise a parallel burst would pass the check before the first
 * failure is recorded, and get dozens of guesses instead of `maxFailures`.
 */
export interface LoginThrottle {
  /** Seconds until `username` may try again, or 0 when it may try now. */
  retryAfterSeconds(username: string): number;
  /**
   * Admits one attempt (0) or refuses it with the seconds to wait: while locked out, or while
   * recorded failures plus attempts in flight already reach `maxFailures` (then 1 s).
   * An admitted attempt must be reported once with `finish`.
   */
  begin(username: string): number;
  finish(username: string, outcome: AttemptOutcome): void;
}

export function createLoginThrottle(o: LoginThrottleOptions): LoginThrottle {
  if (!Number.isInteger(o.maxFailures) || o.maxFailures < 1)
    throw new TypeError('maxFailures must be an integer ≥ 1');
  if (!(o.lockoutSeconds >= 0)) throw new TypeError('lockoutSeconds must be ≥ 0');
  const maxEntries = o.maxEntries ?? 100_000;
  const windowMs = o.lockoutSeconds * 1000;
  const entries = new Map<string, Entry>();
  const key = (u: string) => u.normalize('NFKC').toLowerCase();

  function current(k: string): Entry | undefined {
    const e = entries.get(k);
    if (!e) return undefined;
    const t = o.now();
    if (e.lockedUntil <= t && t - e.lastFailureAt >= windowMs) {
      if (e.inFlight === 0) {
        entries.delete(k);
        return undefined;
      }
      e.failures = 0; // old failures are forgotten; the reservations in flight stay
    }
    return e;
  }

  function touch(k: string, e: Entry): void {
    entries.delete(k); // re-insert so Map order is least-recently-used first
    entries.set(k, e);
    if (entries.size > maxEntries) entries.delete(victim());
  }

  // Which name to forget when the table is full. A flood of new names must not wash out lockouts:
  // forget the oldest entry that is neither locked nor in flight, then the oldest not in flight,
  // then the oldest. Locking N names costs maxFailures x N password checks, so the first choice
  // is almost always there.
  function victim(): string {
    const t = o.now();
    let idle: string | undefined;
    for (const [name, entry] of entries) {
      if (entry.inFlight > 0) continue;
      if (entry.lockedUntil <= t) return name;
      idle ??= name;
    }
    return idle ?? entries.keys().next().value!;
  }

  function entryFor(k: string): Entry {
    return current(k) ?? { failures: 0, inFlight: 0, lastFailureAt: o.now(), lockedUntil: 0 };
  }

  function retryAfter(e: Entry | undefined): number {
    const left = e ? e.lockedUntil - o.now() : 0;
    return left > 0 ? Math.ceil(left / 1000) : 0;
  }

  function fail(k: string, e: Entry): void {
    const t = o.now();
    e.failures += 1;
    e.lastFailureAt = t;
    if (e.failures >= o.maxFailures) {
      e.lockedUntil = t + windowMs;
      e.failures = 0;
    }
    touch(k, e);
  }

  function succeed(k: string, e: Entry): void {
    if (e.inFlight === 0) entries.delete(k);
    else {
      e.failures = 0; // attempts still in flight keep their reservations
      e.lockedUntil = 0;
    }
  }

  return {
    retryAfterSeconds: (username) => retryAfter(current(key(username))),
    begin(username) {
      const k = key(username);
      const e = entryFor(k);
      const locked = retryAfter(e);
      if (locked > 0) return locked;
      if (e.failures + e.inFlight >= o.maxFailures) return 1;
      e.inFlight += 1;
      touch(k, e);
      return 0;
    },
    finish(username, outcome) {
      const k = key(username);
      const e = entries.get(k);
      if (!e) {
        // Evicted while in flight (only past maxEntries in-flight names): count it afresh.
        if (outcome === 'failure') fail(k, entryFor(k));
        return;
      }
      e.inFlight = Math.max(0, e.inFlight - 1);
      if (outcome === 'failure') fail(k, e);
      else if (outcome === 'success') succeed(k, e);
      else if (e.inFlight === 0 && e.failures === 0 && e.lockedUntil <= o.now()) entries.delete(k);
    },
  };
}
