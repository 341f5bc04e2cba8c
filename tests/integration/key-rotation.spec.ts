// Key rotation in the middle of traffic (auth-service README timeline): the new key is published
// KEY_PUBLISH_DELAY_SECONDS before it signs, and that delay is longer than the downstream JWKS
// refresh (JWKS_MAX_AGE_SECONDS=0 -> the key set's minimum of 60 s). So user- and order-service
// learn key B from a scheduled refresh before they meet a token signed with it.
import { Cluster, DEMO, ITEM, MeshApi, makeUsers, waitUntil } from './harness';

const PUBLISH_DELAY_SECONDS = 65;
const USERS = makeUsers(3);
let cluster: Cluster;
let api: MeshApi;

beforeAll(async () => {
  cluster = await Cluster.start({
    users: USERS,
    authEnv: {
      KEY_PUBLISH_DELAY_SECONDS: String(PUBLISH_DELAY_SECONDS),
      JWKS_MAX_AGE_SECONDS: '0',
    },
  });
  api = new MeshApi({ auth: cluster.authAddr, user: cluster.userAddrs, order: cluster.orderAddrs });
}, 60_000);

afterAll(async () => {
  api?.close();
  await cluster?.stop();
});

const kidOf = (token: string) =>
  (JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString()) as { kid: string }).kid;

it('rotates keys under continuous traffic with zero failed calls', async () => {
  const failures: string[] = [];
  const okByKid = new Map<string, number>();
  let stop = false;
  // Tokens minted before the rotation stay in use the whole time (signed by key A).
  const oldTokens = await Promise.all(USERS.map((u) => api.login(u.username, u.password)));
  const keyA = kidOf(oldTokens[0].access_token);

  const worker = async (i: number) => {
    const u = USERS[i];
    while (!stop) {
      const fresh = (
        await api
          .login(u.username, u.password)
          .catch((e: Error) => void failures.push(`login: ${e.message}`))
      )?.access_token;
      for (const token of [fresh, oldTokens[i].access_token]) {
        if (!token) continue;
        try {
          const o = await api.createOrder([ITEM], { token });
          await api.getOrder(o.id, { token });
          await api.getMe({ token });
          okByKid.set(kidOf(token), (okByKid.get(kidOf(token)) ?? 0) + 1);
        } catch (err) {
          failures.push(`${kidOf(token)}: ${(err as Error).message}`);
        }
      }
      // Pacing, not synchronisation: keep 2 shared cores available to the services.
      await new Promise((r) => setTimeout(r, 150));
    }
  };
  const workers = USERS.map((_, i) => worker(i));

  try {
    const admin = await api.login(DEMO.admin.username, DEMO.admin.password);
    const rotation = await api.rotateKeys({ token: admin.access_token });
    expect(rotation.active_kid).toBe(keyA);
    expect(rotation.next_kid).not.toBe(keyA);
    const keyB = rotation.next_kid;

    // Wait until B signs and its tokens have been accepted by both downstream services many times.
    await waitUntil(() => (okByKid.get(keyB) ?? 0) >= 15, {
      timeoutMs: (PUBLISH_DELAY_SECONDS + 45) * 1000,
      intervalMs: 500,
      what: `tokens signed by the new key ${keyB} in use`,
      describe: () => JSON.stringify({ okByKid: [...okByKid], failures: failures.slice(0, 5) }),
    });
    stop = true;
    await Promise.all(workers);
    expect(failures).toEqual([]);
    expect(okByKid.get(keyA)).toBeGreaterThan(20);
    // The old key keeps verifying after the switch: the tokens minted before rotation never failed.
    expect([...okByKid.keys()].sort()).toEqual([keyA, keyB].sort());
  } finally {
    stop = true;
    await Promise.all(workers);
  }
}, 180_000);
