// Login under abuse, over real gRPC: a burst of logins beyond the hashing admission is shed with
// RESOURCE_EXHAUSTED while a later correct login still succeeds; a parallel burst of guesses at one
// account gets LOGIN_MAX_FAILURES password checks, not more; and credentials holding control
// characters (scrypt hashes `pw\0` like `pw`) are INVALID_ARGUMENT.
import * as grpc from '@grpc/grpc-js';
import { randomBytes } from 'node:crypto';
import { PASSWORDS, login, rpcError, startTestAuth, type TestAuth } from './testing/harness';

let auth: TestAuth;

beforeAll(async () => {
  auth = await startTestAuth({
    env: { LOGIN_MAX_CONCURRENT_HASHES: '1', LOGIN_MAX_QUEUED_HASHES: '1' },
    // Slow enough (tens of ms per hash) that a burst overlaps the first hash.
    scrypt: { N: 2 ** 14, r: 8, p: 1 },
  });
});

afterAll(() => auth?.stop());

describe('hashing admission (LOGIN_MAX_CONCURRENT_HASHES=1, LOGIN_MAX_QUEUED_HASHES=1)', () => {
  it('sheds the excess of a burst with RESOURCE_EXHAUSTED, then a correct login succeeds', async () => {
    const burst = 12;
    const outcomes = await Promise.all(
      Array.from({ length: burst }, () =>
        rpcError(auth.client, 'Login', {
          username: randomBytes(8).toString('hex'),
          password: 'x',
        }),
      ),
    );
    const codes = outcomes.map((e) => e.code);
    const shed = outcomes.filter((e) => e.code === grpc.status.RESOURCE_EXHAUSTED);
    const checked = outcomes.filter((e) => e.code === grpc.status.UNAUTHENTICATED);
    expect(shed.length + checked.length).toBe(burst); // nothing else, e.g. no INTERNAL
    // One hashing and one waiting are checked; the others cannot all have come after them.
    expect(checked.length).toBeGreaterThanOrEqual(2);
    expect(shed.length).toBeGreaterThanOrEqual(burst / 2);
    for (const e of shed) expect(e.details).toBe('too many login attempts, retry later');
    for (const e of checked) expect(e.details).toBe('invalid credentials');
    expect(codes).toContain(grpc.status.RESOURCE_EXHAUSTED);

    const t = await login(auth.client, 'alice', PASSWORDS.alice);
    expect(t.access_token.split('.')).toHaveLength(3);

    const lines = auth.logs.lines();
    expect(lines.filter((l) => l.msg === 'login overloaded')).toHaveLength(shed.length);
    expect(lines.filter((l) => (l.level as number) >= 50)).toEqual([]);
    expect(
      lines.filter((l) => l.msg === 'rpc finished' && l.code === 'RESOURCE_EXHAUSTED'),
    ).toHaveLength(shed.length);
  });
});

describe('a parallel burst of guesses at one account (LOGIN_MAX_FAILURES=3)', () => {
  let burstAuth: TestAuth;
  beforeAll(async () => {
    burstAuth = await startTestAuth({
      env: { LOGIN_MAX_FAILURES: '3', LOGIN_LOCKOUT_SECONDS: '60' },
      scrypt: { N: 2 ** 14, r: 8, p: 1 },
    });
  });
  afterAll(() => burstAuth?.stop());

  it('checks at most 3 passwords, even with the right one inside the burst', async () => {
    const guesses = Array.from({ length: 30 }, (_, i) => `guess-${i}`);
    guesses.splice(15, 0, PASSWORDS.bob);
    const outcomes = await Promise.all(
      guesses.map((password) =>
        rpcError(burstAuth.client, 'Login', { username: 'bob', password }).catch(() => ({
          code: grpc.status.OK,
          details: '',
        })),
      ),
    );
    const checked = outcomes.filter(
      (e) => e.code === grpc.status.UNAUTHENTICATED || e.code === grpc.status.OK,
    );
    const refused = outcomes.filter((e) => e.code === grpc.status.RESOURCE_EXHAUSTED);
    expect(checked.length).toBeLessThanOrEqual(3);
    expect(checked.length + refused.length).toBe(guesses.length); // nothing else, no INTERNAL
    for (const e of refused) expect(e.details).toBe('too many failed login attempts, retry later');
    // the right password was not checked (it came 16th), so bob is locked out now
    const after = await rpcError(burstAuth.client, 'Login', {
      username: 'bob',
      password: PASSWORDS.bob,
    });
    expect(after.code).toBe(grpc.status.RESOURCE_EXHAUSTED);
  });
});

describe('control characters in credentials', () => {
  it('refuses `password\\0` (which scrypt would accept) with INVALID_ARGUMENT naming the field', async () => {
    const err = await rpcError(auth.client, 'Login', {
      username: 'bob',
      password: `${PASSWORDS.bob}\0`,
    });
    expect(err.code).toBe(grpc.status.INVALID_ARGUMENT);
    expect(err.details).toBe('password contains control characters');
  });

  it('refuses a username with one too', async () => {
    const err = await rpcError(auth.client, 'Login', {
      username: 'bob\u007f',
      password: PASSWORDS.bob,
    });
    expect(err.code).toBe(grpc.status.INVALID_ARGUMENT);
    expect(err.details).toBe('username contains control characters');
  });
});
