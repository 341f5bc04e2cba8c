// Tests that stop a service: each gets a fresh cluster (about 2 s to start), torn down even on failure.
import { Cluster, DEMO, ITEM, MeshApi, codeOf, grpc, waitUntil } from './harness';

let cluster: Cluster | undefined;
let api: MeshApi | undefined;

async function start(): Promise<{ cluster: Cluster; api: MeshApi }> {
  cluster = await Cluster.start();
  api = new MeshApi({ auth: cluster.authAddr, user: cluster.userAddrs, order: cluster.orderAddrs });
  return { cluster, api };
}

afterEach(async () => {
  api?.close();
  await cluster?.stop();
  api = cluster = undefined;
});

it('auth outage: holders of valid tokens keep creating and reading orders; login and refresh say UNAVAILABLE', async () => {
  const { cluster, api } = await start();
  const alice = await api.login(DEMO.alice.username, DEMO.alice.password);
  const bob = await api.login(DEMO.bob.username, DEMO.bob.password);
  await cluster.auth.stop();

  for (const [who, s] of [
    ['alice', alice],
    ['bob', bob],
  ] as const) {
    const token = s.access_token;
    const order = await api.createOrder([ITEM], { token });
    expect((await api.getOrder(order.id, { token })).id).toBe(order.id);
    expect((await api.listOrders({ token })).orders.map((o) => o.id)).toContain(order.id);
    expect((await api.getMe({ token })).username).toBe(who);
  }
  expect(await codeOf(api.login(DEMO.alice.username, DEMO.alice.password))).toBe(
    grpc.status.UNAVAILABLE,
  );
  expect(await codeOf(api.refresh(alice.refresh_token))).toBe(grpc.status.UNAVAILABLE);
});

it('user-service outage: CreateOrder fails fast with UNAVAILABLE and stores nothing; reads work; it recovers', async () => {
  const { cluster, api } = await start();
  const { access_token: token } = await api.login(DEMO.alice.username, DEMO.alice.password);
  const before = await api.createOrder([ITEM], { token });
  const users = cluster.users[0];
  await users.stop();

  const t0 = Date.now();
  expect(await codeOf(api.createOrder([ITEM], { token }, 'during-outage'))).toBe(
    grpc.status.UNAVAILABLE,
  );
  expect(Date.now() - t0).toBeLessThan(2500);
  expect((await api.getOrder(before.id, { token })).id).toBe(before.id);
  expect((await api.listOrders({ token })).orders.map((o) => o.id)).toEqual([before.id]);

  await cluster.startAgain(users);
  let after: Awaited<ReturnType<MeshApi['createOrder']>> | undefined;
  const codes: number[] = [];
  await waitUntil(
    async () => {
      try {
        after = await api.createOrder([ITEM], { token }, 'after-outage');
        return true;
      } catch (err) {
        codes.push((err as { code: number }).code);
        return false;
      }
    },
    { timeoutMs: 30_000, intervalMs: 200, what: 'CreateOrder to succeed again' },
  );
  // While order-service reconnects, the only acceptable failure is UNAVAILABLE.
  expect(codes.filter((c) => c !== grpc.status.UNAVAILABLE)).toEqual([]);
  expect(after?.customer_name).toBe(DEMO.alice.display_name);
  expect((await api.listOrders({ token })).orders.map((o) => o.id).sort()).toEqual(
    [before.id, after!.id].sort(),
  );
});

it('order-service restart: the orders are still there, and the same token still works', async () => {
  const { cluster, api } = await start();
  const { access_token: token } = await api.login(DEMO.alice.username, DEMO.alice.password);
  const made = [
    await api.createOrder([ITEM], { token }),
    await api.createOrder([{ sku: 'KEEP-2', quantity: 3, unit_price_cents: '5' }], { token }),
  ];
  const restarted = await cluster.restart(cluster.orders[0]);
  expect(restarted.port).toBe(cluster.orders[0].port);

  // The client's channel reconnects to the new process; the call waits for that instead of failing fast.
  for (const o of made) expect(await api.getOrder(o.id, { token, waitForReady: true })).toEqual(o);
  expect((await api.listOrders({ token })).orders.map((o) => o.id).sort()).toEqual(
    made.map((o) => o.id).sort(),
  );
  // Idempotency keys survive as well: the same key returns the first order.
  const first = await api.createOrder([ITEM], { token }, 'idem-1');
  await cluster.restart(cluster.orders[0]);
  expect((await api.createOrder([ITEM], { token, waitForReady: true }, 'idem-1')).id).toBe(
    first.id,
  );
});
