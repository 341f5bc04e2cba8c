// Rotation end to end (auth-service README, rotation): a downstream service that loaded the JWKS
// before the rotation, refreshing on its own schedule and NOT allowed to refetch on an unknown kid,
// accepts tokens signed before and after the rotation.
import { existsSync } from 'node:fs';
import { startDownstream, type Downstream } from './testing/downstream';
import {
  bearer,
  decodeSegment,
  login,
  PASSWORDS,
  rpc,
  startTestAuth,
  type TestAuth,
} from './testing/harness';

let auth: TestAuth;
let downstream: Downstream;

const jwksKids = async (): Promise<string[]> => {
  const res = await fetch(auth.running.http.jwksUrl);
  return ((await res.json()) as { keys: Array<{ kid: string }> }).keys.map((k) => k.kid);
};

async function waitFor(what: string, cond: () => boolean, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

beforeAll(async () => {
  auth = await startTestAuth({
    env: { KEY_PUBLISH_DELAY_SECONDS: '600', ACCESS_TOKEN_TTL_SECONDS: '900' },
  });
  downstream = await startDownstream({
    jwksUrl: auth.running.http.jwksUrl,
    issuer: auth.config.JWT_ISSUER,
    audience: 'order-service',
    now: auth.clock.now,
    // Its refresh interval (0.2 s of real time here) stands for the production one, which the publish
    // delay exceeds; the cooldown forbids any unknown-kid refetch during the test.
    remote: { minRefreshSeconds: 0.2, maxRefreshSeconds: 0.2, cooldownSeconds: 3600 },
  });
  await downstream.keys.ready();
});

afterAll(async () => {
  await downstream?.stop();
  await auth?.stop();
});

it('publishes the next key before it signs and keeps the old one until its tokens expired', async () => {
  const [keyA] = await jwksKids();
  const admin = await login(auth.client, 'admin', PASSWORDS.admin);
  const before = await login(auth.client, 'alice', PASSWORDS.alice);
  expect(decodeSegment(before.access_token, 0).kid).toBe(keyA);
  await expect(downstream.whoAmI(before.access_token)).resolves.toMatchObject({ id: 'usr_alice' });

  // t1: rotate. B is published at once; A still signs.
  const r = await rpc<{ active_kid: string; next_kid: string }>(
    auth.client,
    'RotateKeys',
    {},
    bearer(admin.access_token),
  );
  const keyB = r.next_kid;
  expect(await jwksKids()).toEqual([keyA, keyB]);
  const during = await login(auth.client, 'bob', PASSWORDS.bob);
  expect(decodeSegment(during.access_token, 0).kid).toBe(keyA);

  // The downstream picks B up on its own schedule, well inside the publish delay.
  const fetchesAtRotation = downstream.keys.stats().fetches;
  await waitFor(
    'a scheduled JWKS refresh',
    () => downstream.keys.stats().fetches > fetchesAtRotation,
  );

  // t1 + delay: B signs. Old and new tokens both verify downstream.
  auth.clock.advance(600);
  const after = await login(auth.client, 'alice', PASSWORDS.alice);
  expect(decodeSegment(after.access_token, 0).kid).toBe(keyB);
  await expect(downstream.whoAmI(after.access_token)).resolves.toMatchObject({ id: 'usr_alice' });
  await expect(downstream.whoAmI(before.access_token)).resolves.toMatchObject({ id: 'usr_alice' });
  await expect(downstream.whoAmI(during.access_token)).resolves.toMatchObject({ id: 'usr_bob' });
  expect(await jwksKids()).toEqual([keyA, keyB]);

  // Until every token A signed has expired (+ skew), A stays published...
  auth.clock.advance(900 + 59);
  expect(await jwksKids()).toEqual([keyA, keyB]);
  // ...and then it is retired, its private key file deleted.
  auth.clock.advance(2);
  expect(await jwksKids()).toEqual([keyB]);
  expect(existsSync(`${auth.dataDir}/keys/${keyA}.pem`)).toBe(false);
  expect(existsSync(`${auth.dataDir}/keys/${keyB}.pem`)).toBe(true);
  const later = await login(auth.client, 'bob', PASSWORDS.bob);
  await expect(downstream.whoAmI(later.access_token)).resolves.toMatchObject({ id: 'usr_bob' });
});
