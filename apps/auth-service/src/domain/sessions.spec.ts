// Login's guards, with a real user store and scrypt and stand-ins for token minting: which inputs
// are refused before any hashing, and that every hash of a login goes through the admission.
import { LoginOverloadedError } from '../errors';
import { openDatabase } from '../store/database';
import { seedUsers } from '../store/seed';
import { createUserStore } from '../store/user-store';
import { FAST_SCRYPT } from '../testing/harness';
import type { AccessTokens } from './access-tokens';
import type { HashAdmission } from './hash-admission';
import { createHashAdmission } from './hash-admission';
import { createLoginThrottle } from './login-throttle';
import type { RefreshTokens } from './refresh-tokens';
import { createSessions } from './sessions';

const BOB = 'bob-password';

async function setup(hashing: HashAdmission) {
  const users = createUserStore(openDatabase(':memory:'));
  await seedUsers(
    users,
    [{ id: 'usr_bob', username: 'bob', roles: ['customer'], password: BOB }],
    FAST_SCRYPT,
    0,
  );
  const throttle = createLoginThrottle({ maxFailures: 2, lockoutSeconds: 60, now: () => 0 });
  const sessions = createSessions({
    users,
    accessTokens: {
      mint: async () => ({ token: 'a.b.c', expiresIn: 900 }),
    } as unknown as AccessTokens,
    refreshTokens: {
      issue: () => ({ token: 'refresh', familyId: 'fam' }),
      ttlSeconds: 60,
    } as unknown as RefreshTokens,
    throttle,
    scrypt: FAST_SCRYPT,
    hashing,
    logger: { info: () => undefined, warn: () => undefined },
  });
  await sessions.warmUp();
  return { sessions, throttle };
}

/** An admission that counts what it runs, or refuses everything when `full`. */
function countingAdmission(full = false): HashAdmission & { runs: number } {
  const inner = createHashAdmission({ maxConcurrent: 1, maxQueued: 0 });
  const counting = {
    runs: 0,
    run<T>(hash: () => Promise<T>): Promise<T> {
      if (full) return Promise.reject(new LoginOverloadedError());
      counting.runs += 1;
      return inner.run(hash);
    },
    stats: () => inner.stats(),
  };
  return counting;
}

describe('login and the hashing admission', () => {
  it('sends every verification through it: unknown user, wrong and right password alike', async () => {
    const hashing = countingAdmission();
    const { sessions } = await setup(hashing);
    await expect(sessions.login('mallory', 'x')).rejects.toMatchObject({
      code: 'ERR_INVALID_CREDENTIALS',
    });
    expect(hashing.runs).toBe(1);
    await expect(sessions.login('bob', 'x')).rejects.toMatchObject({
      code: 'ERR_INVALID_CREDENTIALS',
    });
    expect(hashing.runs).toBe(2);
    await expect(sessions.login('bob', BOB)).resolves.toMatchObject({ refreshToken: 'refresh' });
    expect(hashing.runs).toBe(3);
  });

  it('at capacity refuses known and unknown users alike, and does not count it as a failure', async () => {
    const { sessions, throttle } = await setup(countingAdmission(true));
    for (const [user, pw] of [
      ['mallory', 'x'],
      ['bob', 'x'],
      ['bob', 'x'],
      ['bob', BOB],
    ]) {
      await expect(sessions.login(user, pw)).rejects.toMatchObject({
        code: 'ERR_LOGIN_OVERLOADED',
        publicMessage: 'too many login attempts, retry later',
      });
    }
    expect(throttle.retryAfterSeconds('bob')).toBe(0);
  });
});

describe('control characters', () => {
  it.each([
    ['username', 'bob\0', BOB],
    ['username', 'bob\n', BOB],
    ['password', 'bob', `${BOB}\0`],
    ['password', 'bob', `${BOB}\u0000\u0000`],
    ['password', 'bob', `${BOB}\u001f`],
    ['password', 'bob', `${BOB}\u007f`],
    ['password', 'bob', `\t${BOB}`],
  ])('refuses a %s holding one (%j / %j) before any hashing', async (field, user, pw) => {
    const hashing = countingAdmission();
    const { sessions } = await setup(hashing);
    await expect(sessions.login(user, pw)).rejects.toMatchObject({
      code: 'ERR_INVALID_ARGUMENT',
      field,
      publicMessage: `${field} contains control characters`,
    });
    expect(hashing.runs).toBe(0);
  });

  it('still accepts the password itself and non-ASCII text', async () => {
    const { sessions } = await setup(countingAdmission());
    await expect(sessions.login('bob', BOB)).resolves.toMatchObject({ accessToken: 'a.b.c' });
    await expect(sessions.login('bob', 'pässwörd\u00a0€')).rejects.toMatchObject({
      code: 'ERR_INVALID_CREDENTIALS',
    });
  });
});
