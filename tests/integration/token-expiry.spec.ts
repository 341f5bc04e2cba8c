// An access token with a short life (30 s, auth-service's minimum) is refused by every service once
// it expires (downstream clock tolerance 0); a refresh restores access, by hand and in the CLI.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Cluster, DEMO, ITEM, MeshApi, codeOf, grpc, runCli, waitUntil } from './harness';

const TTL_SECONDS = 30;
let cluster: Cluster;
let api: MeshApi;
let dir: string;

beforeAll(async () => {
  cluster = await Cluster.start({
    authEnv: { ACCESS_TOKEN_TTL_SECONDS: String(TTL_SECONDS) },
    downstreamEnv: { JWT_CLOCK_TOLERANCE_SECONDS: '0' },
  });
  api = new MeshApi({ auth: cluster.authAddr, user: cluster.userAddrs, order: cluster.orderAddrs });
  dir = mkdtempSync(join(tmpdir(), 'mesh-it-expiry-'));
}, 60_000);

afterAll(async () => {
  api?.close();
  await cluster?.stop();
  rmSync(dir, { recursive: true, force: true });
});

it('an expired token is refused everywhere; refresh restores access (API and CLI)', async () => {
  const cliEnv = {
    MESH_AUTH_ADDR: cluster.authAddr,
    MESH_USER_ADDR: cluster.userAddrs,
    MESH_ORDER_ADDR: cluster.orderAddrs,
    MESH_SESSION_FILE: join(dir, 'session.json'),
  };
  // The CLI logs in first, so its token is dead by the time the API's token is refused.
  const cliLogin = await runCli(['login', 'alice'], {
    ...cliEnv,
    MESH_PASSWORD: DEMO.alice.password,
  });
  expect(cliLogin.code).toBe(0);
  const session = await api.login(DEMO.alice.username, DEMO.alice.password);
  expect(Number(session.expires_in)).toBe(TTL_SECONDS);
  const token = session.access_token;
  const order = await api.createOrder([ITEM], { token });
  const { exp } = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as {
    exp: number;
  };

  // Wait for the token to die (the condition is the service's answer, with a deadline past exp).
  await waitUntil(
    async () => (await codeOf(api.getMe({ token }))) === grpc.status.UNAUTHENTICATED,
    {
      timeoutMs: (TTL_SECONDS + 20) * 1000,
      intervalMs: 500,
      what: 'user-service to refuse the expired token',
    },
  );
  expect(Date.now() / 1000).toBeGreaterThanOrEqual(exp);
  expect(await codeOf(api.getOrder(order.id, { token }))).toBe(grpc.status.UNAUTHENTICATED);
  expect(await codeOf(api.listOrders({ token }))).toBe(grpc.status.UNAUTHENTICATED);
  expect(await codeOf(api.createOrder([ITEM], { token }))).toBe(grpc.status.UNAUTHENTICATED);

  const renewed = await api.refresh(session.refresh_token);
  expect((await api.getOrder(order.id, { token: renewed.access_token })).id).toBe(order.id);
  expect((await api.getMe({ token: renewed.access_token })).id).toBe(DEMO.alice.id);
  expect((await api.createOrder([ITEM], { token: renewed.access_token })).user_id).toBe(
    DEMO.alice.id,
  );

  // The CLI's saved token has expired too: token show says so, and whoami refreshes once and retries.
  const shown = await runCli(['token', 'show', '--json'], cliEnv);
  expect(JSON.parse(shown.stdout)).toMatchObject({ expired: true });
  const before = JSON.parse(readFileSync(cliEnv.MESH_SESSION_FILE, 'utf8')) as {
    refresh_token: string;
  };
  const me = await runCli(['whoami', '--json'], cliEnv);
  expect(me.code).toBe(0);
  expect(JSON.parse(me.stdout).id).toBe(DEMO.alice.id);
  const after = JSON.parse(readFileSync(cliEnv.MESH_SESSION_FILE, 'utf8')) as {
    refresh_token: string;
  };
  expect(after.refresh_token).not.toBe(before.refresh_token);
}, 120_000);
