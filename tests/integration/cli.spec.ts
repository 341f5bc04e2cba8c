// mesh-cli end to end: the built CLI against the real services.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Cluster, DEMO, MeshApi, codeOf, grpc, runCli } from './harness';

let cluster: Cluster;
let dir: string;

beforeAll(async () => {
  cluster = await Cluster.start();
  dir = mkdtempSync(join(tmpdir(), 'mesh-cli-it-'));
}, 60_000);

afterAll(async () => {
  await cluster?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const envFor = (name: string, extra: Record<string, string> = {}) => ({
  MESH_AUTH_ADDR: cluster.authAddr,
  MESH_USER_ADDR: cluster.userAddrs,
  MESH_ORDER_ADDR: cluster.orderAddrs,
  MESH_SESSION_FILE: join(dir, name, 'session.json'),
  ...extra,
});
const json = (s: string) => JSON.parse(s) as Record<string, unknown>;
const sessionOf = (name: string) =>
  JSON.parse(readFileSync(join(dir, name, 'session.json'), 'utf8')) as Record<string, string>;

describe('mesh-cli against the cluster', () => {
  let orderId: string;

  it('logs in with MESH_PASSWORD and keeps the tokens in a 0600 file in a 0700 dir, printing no token', async () => {
    const r = await runCli(
      ['login', 'alice', '--json'],
      envFor('alice', { MESH_PASSWORD: DEMO.alice.password }),
    );
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(json(r.stdout)).toMatchObject({ username: 'alice', subject: DEMO.alice.id });
    const file = join(dir, 'alice', 'session.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'alice')).mode & 0o777).toBe(0o700);
    const s = sessionOf('alice');
    expect(r.stdout).not.toContain(s.access_token.split('.')[1]);
    expect(r.stdout).not.toContain(s.refresh_token);
  });

  it('creates, reads and lists an order with --json, sending the given request id', async () => {
    const env = envFor('alice');
    const created = await runCli(
      [
        'orders',
        'create',
        '--item',
        'CLI-1:3:250',
        '--item',
        'CLI-2:1:9007199254740000',
        '--json',
        '--request-id',
        'cli-it-1',
      ],
      env,
    );
    expect(created.code).toBe(0);
    const order = json(created.stdout);
    expect(order).toMatchObject({
      user_id: DEMO.alice.id,
      customer_name: DEMO.alice.display_name,
      status: 'PENDING',
      total_cents: '9007199254740750',
    });
    orderId = String(order.id);
    expect(
      cluster.orders[0]
        .linesFor('cli-it-1')
        .some((l) => l.msg === 'rpc finished' && l.code === 'OK'),
    ).toBe(true);

    const got = await runCli(['orders', 'get', orderId, '--json'], env);
    expect(got.code).toBe(0);
    expect(json(got.stdout).id).toBe(orderId);
    const list = await runCli(['orders', 'list', '--json'], env);
    expect((json(list.stdout).orders as { id: string }[]).map((o) => o.id)).toContain(orderId);
    const human = await runCli(['orders', 'get', orderId], env);
    expect(human.stdout).toMatch(/total\s+90071992547407\.50/);
    const me = await runCli(['whoami', '--json'], env);
    expect(json(me.stdout)).toMatchObject({
      id: DEMO.alice.id,
      display_name: DEMO.alice.display_name,
    });
  });

  it('token show decodes the claims, says the signature is unchecked, and never prints it', async () => {
    const r = await runCli(['token', 'show', '--json'], envFor('alice'));
    expect(r.code).toBe(0);
    const out = json(r.stdout);
    expect(out).toMatchObject({
      signature_checked: false,
      expired: false,
      header: { typ: 'at+jwt' },
      claims: { sub: DEMO.alice.id },
    });
    const human = await runCli(['token', 'show'], envFor('alice'));
    expect(human.stdout).toMatch(/expires in \d+m/);
    expect(human.stdout).toMatch(/Signature: NOT checked/);
    const signature = sessionOf('alice').access_token.split('.')[2];
    expect(r.stdout + human.stdout).not.toContain(signature);
  });

  it('exit 4 when the order is not yours or does not exist', async () => {
    const login = await runCli(
      ['login', 'bob'],
      envFor('bob', { MESH_PASSWORD: DEMO.bob.password }),
    );
    expect(login.code).toBe(0);
    const r = await runCli(['orders', 'get', orderId, '--json'], envFor('bob'));
    expect(r.code).toBe(4);
    expect(json(r.stderr)).toMatchObject({ error: { code: 'NOT_FOUND', exit_code: 4 } });
    expect((await runCli(['orders', 'cancel', 'no-such-order'], envFor('alice'))).code).toBe(4);
  });

  it('exit 3 for a wrong password, no session, or a forged token that cannot be refreshed', async () => {
    const wrong = await runCli(['login', 'alice'], envFor('wrong', { MESH_PASSWORD: 'nope' }));
    expect(wrong.code).toBe(3);
    expect(wrong.stderr).toMatch(/UNAUTHENTICATED/);
    expect((await runCli(['whoami'], envFor('nobody'))).code).toBe(3);

    const s = sessionOf('alice');
    const [h, p, sig] = s.access_token.split('.');
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString());
    const forged = `${h}.${Buffer.from(JSON.stringify({ ...claims, roles: ['admin'] })).toString('base64url')}.${sig}`;
    writeFileSync(
      join(dir, 'alice', 'session.json'),
      JSON.stringify({
        ...s,
        access_token: forged,
        refresh_token: 'not-a-real-refresh-token-000000000000000000',
      }),
      { mode: 0o600 },
    );
    const r = await runCli(['orders', 'list'], envFor('alice'));
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/login/);
  });

  it('refreshes once and retries when the access token is refused but the refresh token is good', async () => {
    const login = await runCli(
      ['login', 'alice'],
      envFor('alice2', { MESH_PASSWORD: DEMO.alice.password }),
    );
    expect(login.code).toBe(0);
    const s = sessionOf('alice2');
    const [h, p] = s.access_token.split('.');
    writeFileSync(
      join(dir, 'alice2', 'session.json'),
      JSON.stringify({ ...s, access_token: `${h}.${p}.AAAA` }),
      { mode: 0o600 },
    );
    const r = await runCli(['whoami', '--json'], envFor('alice2'));
    expect(r.code).toBe(0);
    expect(json(r.stdout).id).toBe(DEMO.alice.id);
    expect(sessionOf('alice2').refresh_token).not.toBe(s.refresh_token);
  });

  it('exit 2 for bad usage (locally or refused by the server), 5 when a service is unreachable', async () => {
    expect(
      (await runCli(['orders', 'create', '--item', 'CLI-1:1:9.99'], envFor('alice2'))).code,
    ).toBe(2);
    expect((await runCli(['login', 'alice', '--password', 'x'], envFor('alice2'))).code).toBe(2);
    expect(
      (await runCli(['orders', 'create', '--item', 'CLI-1:5000:1'], envFor('alice2'))).code,
    ).toBe(2);
    const down = await runCli(['whoami'], envFor('alice2', { MESH_USER_ADDR: '127.0.0.1:1' }));
    expect(down.code).toBe(5);
    expect(down.stderr).toMatch(/user-service: UNAVAILABLE/);
  });

  it('logout revokes the refresh token at auth-service and deletes the session file', async () => {
    const refresh = sessionOf('alice2').refresh_token;
    const r = await runCli(['logout'], envFor('alice2'));
    expect(r.code).toBe(0);
    expect(existsSync(join(dir, 'alice2', 'session.json'))).toBe(false);
    const api = new MeshApi({
      auth: cluster.authAddr,
      user: cluster.userAddrs,
      order: cluster.orderAddrs,
    });
    try {
      expect(await codeOf(api.refresh(refresh))).toBe(grpc.status.UNAUTHENTICATED);
    } finally {
      api.close();
    }
  });
});
