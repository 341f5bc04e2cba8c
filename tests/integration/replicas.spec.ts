// Two replicas of user-service (own data dirs, same seed) and of order-service (one shared orders.db),
// order-service calling user-service round-robin, the test client calling order-service round-robin.
import { randomUUID } from 'node:crypto';
import { Cluster, DEMO, ITEM, MeshApi, makeUsers, waitUntil, type ServiceProcess } from './harness';

const USERS = makeUsers(6);
let cluster: Cluster;
const apis: MeshApi[] = [];

beforeAll(async () => {
  cluster = await Cluster.start({ users: USERS, userReplicas: 2, orderReplicas: 2 });
}, 60_000);

afterAll(async () => {
  for (const a of apis) a.close();
  await cluster?.stop();
});

const apiFor = (user: string, order: string) => {
  const a = new MeshApi({ auth: cluster.authAddr, user, order });
  apis.push(a);
  return a;
};
const served = (p: ServiceProcess, rpc: string, rids: Set<string>) =>
  p.lines.filter(
    (l) =>
      l.msg === 'rpc finished' && l.rpc === rpc && l.code === 'OK' && rids.has(String(l.requestId)),
  ).length;

it('every call succeeds on any replica, and the logs show both replicas of each service served calls', async () => {
  const api = apiFor(cluster.userAddrs, cluster.orderAddrs);
  const rids = new Set<string>();
  const call = <T>(f: (rid: string) => Promise<T>) => {
    const rid = randomUUID();
    rids.add(rid);
    return f(rid);
  };
  const sessions = await Promise.all(USERS.map((u) => api.login(u.username, u.password)));
  for (let round = 0; round < 4; round++) {
    await Promise.all(
      USERS.map(async (u, i) => {
        const token = sessions[i].access_token;
        const o = await call((requestId) => api.createOrder([ITEM], { token, requestId }));
        expect(o).toMatchObject({ user_id: u.id, customer_name: u.display_name });
        expect((await call((requestId) => api.getOrder(o.id, { token, requestId }))).id).toBe(o.id);
        expect((await call((requestId) => api.getMe({ token, requestId }))).id).toBe(u.id);
      }),
    );
  }
  for (const [i, u] of USERS.entries()) {
    const list = await api.listOrders({ token: sessions[i].access_token });
    expect(list.orders).toHaveLength(4);
    expect(new Set(list.orders.map((o) => o.user_id))).toEqual(new Set([u.id]));
  }
  const count = (ps: ServiceProcess[], rpc: string) => ps.map((p) => served(p, rpc, rids));
  await waitUntil(
    () =>
      [
        ...count(cluster.orders, '/mesh.order.v1.OrderService/CreateOrder'),
        ...count(cluster.users, '/mesh.user.v1.UserService/GetMe'),
      ].every((n) => n > 0),
    {
      timeoutMs: 5000,
      what: 'calls on every replica',
      describe: () =>
        JSON.stringify({
          orders: count(cluster.orders, '/mesh.order.v1.OrderService/CreateOrder'),
          users: count(cluster.users, '/mesh.user.v1.UserService/GetMe'),
        }),
    },
  );
  // 24 creates (each also one GetMe on a user replica, on the caller's token) + 24 direct GetMe.
  const creates = count(cluster.orders, '/mesh.order.v1.OrderService/CreateOrder');
  expect(creates.reduce((a, b) => a + b)).toBe(24);
  expect(count(cluster.users, '/mesh.user.v1.UserService/GetMe').reduce((a, b) => a + b)).toBe(48);
});

it('one token works on each replica directly, and an order written through one replica is read through the other', async () => {
  const { access_token: token } = await apiFor(cluster.userAddrs, cluster.orderAddrs).login(
    DEMO.alice.username,
    DEMO.alice.password,
  );
  const [o1, o2] = cluster.orders.map((p, i) => apiFor(cluster.users[i].address, p.address));
  for (const u of cluster.users)
    expect((await apiFor(u.address, cluster.orderAddrs).getMe({ token })).id).toBe(DEMO.alice.id);
  const viaFirst = await o1.createOrder([ITEM], { token });
  expect(await o2.getOrder(viaFirst.id, { token })).toEqual(viaFirst);
  const viaSecond = await o2.createOrder([ITEM], { token });
  expect(await o1.getOrder(viaSecond.id, { token })).toEqual(viaSecond);
});
