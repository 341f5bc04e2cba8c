import * as grpc from '@grpc/grpc-js';
import { METHODS } from '@jwt-mesh/contracts';
import { INFRA_METHODS } from '@jwt-mesh/service-kit';
import { PUBLIC_METHODS } from './server';
import { startDownstream, type Downstream } from './testing/downstream';
import {
  PASSWORDS,
  bearer,
  decodeSegment,
  login,
  rpc,
  rpcError,
  startTestAuth,
  type TestAuth,
  type Tokens,
} from './testing/harness';

let auth: TestAuth;
let downstream: Downstream;
const secrets: string[] = [...Object.values(PASSWORDS)];

beforeAll(async () => {
  auth = await startTestAuth({ env: { LOGIN_MAX_FAILURES: '3', LOGIN_LOCKOUT_SECONDS: '60' } });
  downstream = await startDownstream({
    jwksUrl: auth.running.http.jwksUrl,
    issuer: auth.config.JWT_ISSUER,
    audience: 'order-service',
    now: auth.clock.now,
  });
});

afterAll(async () => {
  await downstream?.stop();
  await auth?.stop();
});

async function loginAs(user: keyof typeof PASSWORDS): Promise<Tokens> {
  const t = await login(auth.client, user, PASSWORDS[user]);
  secrets.push(t.access_token, t.refresh_token);
  return t;
}

describe('Login', () => {
  it('returns a bearer access token and an opaque refresh token', async () => {
    const t = await loginAs('alice');
    expect(t).toMatchObject({
      token_type: 'Bearer',
      expires_in: '900',
      refresh_expires_in: '1209600',
    });
    expect(t.access_token.split('.')).toHaveLength(3);
    expect(t.refresh_token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('answers unknown user and wrong password with the same status and message', async () => {
    const unknown = await rpcError(auth.client, 'Login', {
      username: 'mallory',
      password: 'whatever-pw',
    });
    const wrong = await rpcError(auth.client, 'Login', {
      username: 'bob',
      password: 'not-bobs-password',
    });
    expect(unknown.code).toBe(grpc.status.UNAUTHENTICATED);
    expect(wrong.code).toBe(grpc.status.UNAUTHENTICATED);
    expect(unknown.details).toBe('invalid credentials');
    expect(wrong.details).toBe(unknown.details);
    secrets.push('not-bobs-password');
  });

  it('locks a username out after LOGIN_MAX_FAILURES failures, then lets it in again', async () => {
    for (let i = 0; i < 3; i++) {
      expect(
        (await rpcError(auth.client, 'Login', { username: 'admin', password: 'guess' })).code,
      ).toBe(grpc.status.UNAUTHENTICATED);
    }
    const locked = await rpcError(auth.client, 'Login', {
      username: 'admin',
      password: PASSWORDS.admin,
    });
    expect(locked.code).toBe(grpc.status.RESOURCE_EXHAUSTED);
    // unknown usernames behave alike, so a lockout reveals nothing about which names exist
    for (let i = 0; i < 3; i++)
      await rpcError(auth.client, 'Login', { username: 'ghost', password: 'guess' });
    expect(
      (await rpcError(auth.client, 'Login', { username: 'ghost', password: 'guess' })).code,
    ).toBe(grpc.status.RESOURCE_EXHAUSTED);
    auth.clock.advance(61);
    await expect(loginAs('admin')).resolves.toMatchObject({ token_type: 'Bearer' });
  });

  it('rejects empty and absurdly long input with INVALID_ARGUMENT before hashing', async () => {
    const cases = [
      { username: '', password: 'x' },
      { username: 'alice', password: '' },
      { username: 'a'.repeat(129), password: 'x' },
      { username: 'alice', password: 'p'.repeat(1025) },
    ];
    for (const req of cases) {
      const err = await rpcError(auth.client, 'Login', req);
      expect(err.code).toBe(grpc.status.INVALID_ARGUMENT);
      expect(err.details).toMatch(/^(username|password) /);
    }
  });
});

describe('the access token', () => {
  it('has the header and claims of the mesh profile', async () => {
    const t = await loginAs('bob');
    const header = decodeSegment(t.access_token, 0);
    const claims = decodeSegment(t.access_token, 1);
    const jwks = JSON.parse(
      (await rpc<{ jwks_json: string }>(auth.client, 'GetJwks', {})).jwks_json,
    ) as {
      keys: Array<{ kid: string }>;
    };
    expect(header).toEqual({ alg: 'ES256', typ: 'at+jwt', kid: jwks.keys[0].kid });
    const iat = Math.floor(auth.clock.now() / 1000);
    expect(claims).toEqual({
      iss: 'http://127.0.0.1:8080',
      sub: 'usr_bob',
      aud: ['order-service', 'user-service', 'auth-service'],
      iat,
      nbf: iat,
      exp: iat + 900,
      jti: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/),
      roles: ['customer'],
      scope: 'orders:read orders:write',
    });
    const other = decodeSegment((await loginAs('bob')).access_token, 1);
    expect(other.jti).not.toBe(claims.jti);
  });

  it('verifies at a downstream service that uses libs/jwt-interceptor with the HTTP JWKS URL', async () => {
    const t = await loginAs('alice');
    await expect(downstream.whoAmI(t.access_token)).resolves.toMatchObject({
      id: 'usr_alice',
      roles: ['customer'],
    });
    const tampered = `${t.access_token.slice(0, -4)}AAAA`;
    expect(
      (await downstream.whoAmI(tampered).catch((e: grpc.ServiceError) => e)) as grpc.ServiceError,
    ).toMatchObject({
      code: grpc.status.UNAUTHENTICATED,
    });
  });
});

describe('Refresh and Logout', () => {
  it('rotates the refresh token and returns a fresh access token', async () => {
    const first = await loginAs('alice');
    auth.clock.advance(5);
    const second = await rpc<Tokens>(auth.client, 'Refresh', {
      refresh_token: first.refresh_token,
    });
    secrets.push(second.access_token, second.refresh_token);
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect(decodeSegment(second.access_token, 1)).toMatchObject({
      sub: 'usr_alice',
      roles: ['customer'],
    });
    await expect(downstream.whoAmI(second.access_token)).resolves.toMatchObject({
      id: 'usr_alice',
    });
  });

  it('treats reuse of a spent refresh token as theft and revokes the whole family', async () => {
    const first = await loginAs('bob');
    const second = await rpc<Tokens>(auth.client, 'Refresh', {
      refresh_token: first.refresh_token,
    });
    secrets.push(second.refresh_token, second.access_token);
    const reuse = await rpcError(auth.client, 'Refresh', { refresh_token: first.refresh_token });
    expect(reuse.code).toBe(grpc.status.UNAUTHENTICATED);
    expect(reuse.details).toBe('invalid refresh token');
    // the legitimate holder's newer token died with the family
    expect(
      (await rpcError(auth.client, 'Refresh', { refresh_token: second.refresh_token })).code,
    ).toBe(grpc.status.UNAUTHENTICATED);
    expect(auth.logs.lines().some((l) => l.msg === 'refresh token reused; family revoked')).toBe(
      true,
    );
  });

  it('Logout revokes the family; an unknown token is a no-op', async () => {
    const t = await loginAs('alice');
    await expect(rpc(auth.client, 'Logout', { refresh_token: t.refresh_token })).resolves.toEqual(
      {},
    );
    expect((await rpcError(auth.client, 'Refresh', { refresh_token: t.refresh_token })).code).toBe(
      grpc.status.UNAUTHENTICATED,
    );
    await expect(rpc(auth.client, 'Logout', { refresh_token: 'A'.repeat(43) })).resolves.toEqual(
      {},
    );
    expect((await rpcError(auth.client, 'Logout', { refresh_token: '' })).code).toBe(
      grpc.status.INVALID_ARGUMENT,
    );
  });

  it('refuses an expired refresh token and a JWT passed as refresh token', async () => {
    const t = await loginAs('alice');
    expect((await rpcError(auth.client, 'Refresh', { refresh_token: t.access_token })).code).toBe(
      grpc.status.UNAUTHENTICATED,
    );
    auth.clock.advance(1209600 + 1);
    expect((await rpcError(auth.client, 'Refresh', { refresh_token: t.refresh_token })).code).toBe(
      grpc.status.UNAUTHENTICATED,
    );
  });

  it('re-reads the user: a deleted user cannot refresh', async () => {
    auth.running.users.insertMany(
      [
        {
          id: 'usr_tmp',
          username: 'tmp',
          passwordHash: auth.running.users.findById('usr_alice')!.passwordHash,
          roles: ['customer'],
          scopes: [],
        },
      ],
      auth.clock.now(),
    );
    const t = await login(auth.client, 'tmp', PASSWORDS.alice);
    auth.running.users.delete('usr_tmp');
    expect((await rpcError(auth.client, 'Refresh', { refresh_token: t.refresh_token })).code).toBe(
      grpc.status.UNAUTHENTICATED,
    );
  });
});

describe('RotateKeys', () => {
  it('needs a bearer token', async () => {
    expect((await rpcError(auth.client, 'RotateKeys', {})).code).toBe(grpc.status.UNAUTHENTICATED);
    expect((await rpcError(auth.client, 'RotateKeys', {}, bearer('nonsense'))).code).toBe(
      grpc.status.UNAUTHENTICATED,
    );
  });

  it('needs role admin', async () => {
    const t = await loginAs('alice');
    expect((await rpcError(auth.client, 'RotateKeys', {}, bearer(t.access_token))).code).toBe(
      grpc.status.PERMISSION_DENIED,
    );
  });

  it('lets an admin start a rotation, and is idempotent while one is pending', async () => {
    const t = await loginAs('admin');
    const before = decodeSegment(t.access_token, 0).kid;
    const r = await rpc<{ active_kid: string; next_kid: string; activates_at: string }>(
      auth.client,
      'RotateKeys',
      {},
      bearer(t.access_token),
    );
    expect(r.active_kid).toBe(before);
    expect(r.next_kid).not.toBe(before);
    expect(Number(r.activates_at)).toBe(Math.floor(auth.clock.now() / 1000) + 600);
    const again = await rpc<typeof r>(auth.client, 'RotateKeys', {}, bearer(t.access_token));
    expect(again).toEqual(r);
  });
});

describe('wiring', () => {
  it('exempts exactly the public RPCs, health and reflection', () => {
    expect([...PUBLIC_METHODS].sort()).toEqual(
      [
        METHODS.auth.Login,
        METHODS.auth.Refresh,
        METHODS.auth.Logout,
        METHODS.auth.GetJwks,
        METHODS.auth.Introspect,
        ...INFRA_METHODS,
      ].sort(),
    );
    expect(PUBLIC_METHODS.has(METHODS.auth.RotateKeys)).toBe(false);
  });

  it('serves grpc.health.v1 without a token', async () => {
    const health = new grpc.Client(auth.running.grpc.address, grpc.credentials.createInsecure());
    const res = await new Promise<Buffer>((resolve, reject) =>
      health.makeUnaryRequest(
        '/grpc.health.v1.Health/Check',
        (b: Buffer) => b,
        (b: Buffer) => b,
        Buffer.alloc(0),
        (err, value) => (err ? reject(err) : resolve(value!)),
      ),
    );
    expect([...res]).toEqual([8, 1]); // status: SERVING
    health.close();
  });
});

describe('logs', () => {
  it('tie domain lines to the request: login and logout carry the rpc and the caller’s request id', async () => {
    const requestId = (id: string) => {
      const md = new grpc.Metadata();
      md.set('x-request-id', id);
      return md;
    };
    const t = await rpc<Tokens>(
      auth.client,
      'Login',
      { username: 'bob', password: PASSWORDS.bob },
      requestId('req-login-1'),
    );
    secrets.push(t.access_token, t.refresh_token);
    await rpc(auth.client, 'Logout', { refresh_token: t.refresh_token }, requestId('req-logout-1'));
    const lines = auth.logs.lines();
    expect(
      lines.find((l) => l.requestId === 'req-login-1' && l.msg === 'login succeeded'),
    ).toMatchObject({
      rpc: METHODS.auth.Login,
      userId: 'usr_bob',
    });
    expect(lines.find((l) => l.requestId === 'req-logout-1' && l.msg === 'logout')).toMatchObject({
      rpc: METHODS.auth.Logout,
      known: true,
    });
    for (const msg of ['login succeeded', 'login failed', 'logout', 'refresh rejected']) {
      for (const line of lines.filter((l) => l.msg === msg)) {
        expect(line).toEqual(expect.objectContaining({ requestId: expect.any(String) }));
      }
    }
  });

  it('never contain a password, password hash, access or refresh token', () => {
    const text = auth.logs.text();
    expect(auth.logs.lines().some((l) => l.msg === 'rpc finished')).toBe(true);
    const hashes = ['usr_alice', 'usr_bob', 'usr_admin'].map(
      (id) => auth.running.users.findById(id)!.passwordHash,
    );
    for (const s of [...secrets, ...hashes]) {
      expect(text).not.toContain(s);
    }
    for (const hash of hashes) expect(text).not.toContain(hash.split('$')[5]);
    expect(text).not.toMatch(/eyJ[A-Za-z0-9_-]+\.eyJ/); // no JWT at all
    expect(text).not.toContain('PRIVATE KEY');
  });
});
