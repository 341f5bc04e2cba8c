import { LoginOverloadedError } from '../errors';

export interface HashAdmissionOptions {
  /** Password hashes running at once (scrypt runs on libuv's threadpool: 4 threads by default). */
  maxConcurrent: number;
  /** Hashes waiting for a slot; one more is refused at once with LoginOverloadedError. */
  maxQueued: number;
}

export interface HashAdmissionStats {
  inFlight: number;
  queued: number;
  /** Refused since start because every slot and queue place was taken. */
  rejected: number;
}

/** Bounded admission for password hashing (see createHashAdmission). */
export interface HashAdmission {
  /**
   * Runs `hash` when a slot is free, after waiting in the queue if need be; throws
   * LoginOverloadedError at once, without running it, when the queue is full too.
   */
  run<T>(hash: () => Promise<T>): Promise<T>;
  stats(): HashAdmissionStats;
}

function requireInt(name: string, v: unknown, min: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min)
    throw new TypeError(`${name} must be an integer ≥ ${min}`);
  return v;
}

/**
 * At most `maxConcurrent` password hashes in flight and `maxQueued` waiting; beyond that a login is
 * refused (RESOURCE_EXHAUSTED) before any hashing. Without it, a flood of logins with random
 * usernames queues scrypt work without bound on the threadpool and a real login waits seconds.
 * Every scrypt of a login, the dummy hash of an unknown user included, goes through one admission,
 * so a refusal says nothing about whether the user exists.
 * @throws TypeError naming the option when an option is not an integer in range
 * @example
 * const hashing = createHashAdmission({ maxConcurrent: 4, maxQueued: 32 });
 * const ok = await hashing.run(() => verifyPassword(password, hash));
 */
export function createHashAdmission(o: HashAdmissionOptions): HashAdmission {
  const maxConcurrent = requireInt('maxConcurrent', o.maxConcurrent, 1);
  const maxQueued = requireInt('maxQueued', o.maxQueued, 0);
  const waiting: Array<() => void> = [];
  let inFlight = 0;
  let rejected = 0;

  const release = (): void => {
    const next = waiting.shift();
    // The slot passes straight to the next waiter, so inFlight never drops below the load.
    if (next) next();
    else inFlight -= 1;
  };

  return {
    async run<T>(hash: () => Promise<T>): Promise<T> {
      if (inFlight < maxConcurrent) {
        inFlight += 1;
      } else if (waiting.length < maxQueued) {
        await new Promise<void>((resolve) => waiting.push(resolve));
      } else {
        rejected += 1;
        throw new LoginOverloadedError();
      }
      try {
        return await hash();
      } finally {
        release();
      }
    },
    stats: () => ({ inFlight, queued: waiting.length, rejected }),
  };
}
