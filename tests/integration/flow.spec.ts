// One shared cluster for the tests that stop nothing: the full flow, 50 users in parallel, the CLI.
import { randomUUID } from 'node:crypto';
import {
  Cluster,
  DEMO,
  ITEM,
  MeshApi,
  codeOf,
  grpc,
  makeUsers,
  waitUntil,
  type LogLine,
  type ServiceProcess,
} from './harness';

const LOAD_USERS = makeUsers(50);
let cluster: Cluster;
let api: MeshApi;

beforeAll(async () => {
  cluster = await Cluster.start({ users: LOAD_USERS });
  api = new MeshApi({ auth: cluster.authAddr, user: cluster.userAddrs, order: cluster.orderAddrs });
}, 60_000);

afterAll(async () => {
  api?.close();
  await cluster?.stop();
});

const forge = (token: string, edit: (claims: Record<string, unknown>) => void) => {
  const [h, p, s] = token.split('.');
  const claims = JSON.parse(Buffer.from(p, 'base64url').toString()) as Record<string, unknown>;
  edit(claims);
  return `${h}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${s}`;
};

/** The `rpc finished` lines of `p` for one request id, once there are `atLeast` of them. */
async function finishedFor(p: ServiceProcess, rid: string, atLeast: number): Promise<LogLine[]> {
  const finished = () => p.linesFor(rid).filter((l) => l.msg === 'rpc finished');
  await waitUntil(() => finished().length >= atLeast, {
    timeoutMs: 5000,
    what: `${p.label} logs for ${rid}`,
    describe: () => p.tail(),
  });
  return finished();
}

describe('full flow: a token minted by auth travels client -> order-service -> user-service', () => {
  it('creates and reads an order, and the request id shows up in all three services', async () => {
    const rid = `it-flow-${randomUUID()}`;
    const { access_token: token } = await api.login(DEMO.alice.username, DEMO.alice.password, {
      requestId: rid,
    });

    const created = await api.createOrder(
      [ITEM, { sku: 'IT-2', quantity: 1, unit_price_cents: '1' }],
      { token, requestId: rid },
    );
    expect(created).toMatchObject({
      user_id: DEMO.alice.id,
      customer_name: DEMO.alice.display_name,
      total_cents: '3999',
      status: 'ORDER_STATUS_PENDING',
    });
    const read = await api.getOrder(created.id, { token, requestId: rid });
    expect(read.id).toBe(created.id);
    const listed = await api.listOrders({ token, requestId: rid });
    expect(listed.orders.map((o) => o.id)).toContain(created.id);

    const finished = (lines: LogLine[]) => lines.map((l) => [l.rpc, l.code, l.sub]);
    // auth: only the login. Nobody called back to auth to check the token.
    expect(finished(await finishedFor(cluster.auth, rid, 1))).toEqual([
      ['/mesh.auth.v1.AuthService/Login', 'OK', undefined],
    ]);
    // user-service: the GetMe order-service made with alice's forwarded token, under the same id.
    expect(finished(await finishedFor(cluster.users[0], rid, 1))).toEqual([
      ['/mesh.user.v1.UserService/GetMe', 'OK', DEMO.alice.id],
    ]);
    expect(finished(await finishedFor(cluster.orders[0], rid, 3))).toEqual([
      ['/mesh.order.v1.OrderService/CreateOrder', 'OK', DEMO.alice.id],
      ['/mesh.order.v1.OrderService/GetOrder', 'OK', DEMO.alice.id],
      ['/mesh.order.v1.OrderService/ListOrders', 'OK', DEMO.alice.id],
    ]);
    for (const p of cluster.all) expect(p.output.join('\n')).not.toContain(token.split('.')[2]);
  });

  it("refuses another customer's order, forged tokens and missing tokens", async () => {
    const alice = (await api.login(DEMO.alice.username, DEMO.alice.password)).access_token;
    const bob = (await api.login(DEMO.bob.username, DEMO.bob.password)).access_token;
    const order = await api.createOrder([ITEM], { token: alice });

    expect(await codeOf(api.getOrder(order.id, { token: bob }))).toBe(grpc.status.NOT_FOUND);
    expect((await api.listOrders({ token: bob })).orders.map((o) => o.id)).not.toContain(order.id);

    const forged = forge(alice, (c) => (c.roles = ['admin']));
    expect(await codeOf(api.getOrder(order.id, { token: forged }))).toBe(
      grpc.status.UNAUTHENTICATED,
    );
    expect(await codeOf(api.getMe({ token: forged }))).toBe(grpc.status.UNAUTHENTICATED);
    const impersonation = forge(alice, (c) => (c.sub = DEMO.bob.id));
    expect(await codeOf(api.getMe({ token: impersonation }))).toBe(grpc.status.UNAUTHENTICATED);
    expect(await codeOf(api.getOrder(order.id, {}))).toBe(grpc.status.UNAUTHENTICATED);
    expect(await codeOf(api.login(DEMO.alice.username, 'wrong'))).toBe(grpc.status.UNAUTHENTICATED);
  });
});

describe('50 users in parallel', () => {
  it('each sees only their own orders and their own name', async () => {
    const results = await Promise.all(
      LOAD_USERS.map(async (u, i) => {
        const { access_token: token } = await api.login(u.username, u.password);
        const mine = await api.createOrder(
          [{ sku: `LOAD-${i + 1}`, quantity: i + 1, unit_price_cents: '100' }],
          { token },
        );
        const [me, list, again] = await Promise.all([
          api.getMe({ token }),
          api.listOrders({ token }),
          api.getOrder(mine.id, { token }),
        ]);
        return { u, i, mine, me, list, again };
      }),
    );
    for (const { u, i, mine, me, list, again } of results) {
      expect(me).toMatchObject({ id: u.id, username: u.username, display_name: u.display_name });
      expect(mine).toMatchObject({
        user_id: u.id,
        customer_name: u.display_name,
        total_cents: String((i + 1) * 100),
      });
      expect(list.orders.map((o) => [o.id, o.user_id, o.items[0].sku])).toEqual([
        [mine.id, u.id, `LOAD-${i + 1}`],
      ]);
      expect(again.id).toBe(mine.id);
    }
    // And one user cannot read another's order.
    const [a, b] = results;
    const tokenA = (await api.login(a.u.username, a.u.password)).access_token;
    expect(await codeOf(api.getOrder(b.mine.id, { token: tokenA }))).toBe(grpc.status.NOT_FOUND);
  });
});
