// Introspect exists only for the benchmark's reference-token baseline: it takes no caller
// credentials (RFC 7662 §2.1 wants them), so it is off unless INTROSPECTION_ENABLED=true.
import * as grpc from '@grpc/grpc-js';
import { PASSWORDS, login, rpc, rpcError, startTestAuth, type TestAuth } from './testing/harness';

let auth: TestAuth;
let byDefault: TestAuth;

beforeAll(async () => {
  auth = await startTestAuth({ env: { INTROSPECTION_ENABLED: 'true' } });
  byDefault = await startTestAuth();
});

afterAll(async () => {
  await auth?.stop();
  await byDefault?.stop();
});

describe('Introspect by default', () => {
  it('is refused with FAILED_PRECONDITION, even for a valid token, and says nothing about it', async () => {
    const t = await login(byDefault.client, 'alice', PASSWORDS.alice);
    const err = await rpcError(byDefault.client, 'Introspect', { token: t.access_token });
    expect(err.code).toBe(grpc.status.FAILED_PRECONDITION);
    expect(err.details).toBe('introspection is disabled');
  });
});

describe('Introspect with INTROSPECTION_ENABLED=true (the benchmark)', () => {
  it('describes an active token (RFC 7662) and says only active=false for anything else', async () => {
    const t = await login(auth.client, 'bob', PASSWORDS.bob);
    const active = await rpc<Record<string, unknown>>(auth.client, 'Introspect', {
      token: t.access_token,
    });
    expect(active).toMatchObject({
      active: true,
      sub: 'usr_bob',
      iss: 'http://127.0.0.1:8080',
      aud: ['order-service', 'user-service', 'auth-service'],
      roles: ['customer'],
      scope: 'orders:read orders:write',
      token_type: 'Bearer',
    });
    const blank = {
      active: false,
      sub: '',
      exp: '0',
      iat: '0',
      iss: '',
      aud: [],
      scope: '',
      roles: [],
      jti: '',
      token_type: '',
    };
    for (const token of ['', 'garbage', `${t.access_token}x`, t.refresh_token]) {
      expect(await rpc(auth.client, 'Introspect', { token })).toEqual(blank);
    }
    auth.clock.advance(901 + 30);
    expect(await rpc(auth.client, 'Introspect', { token: t.access_token })).toEqual(blank);
    expect((await rpcError(auth.client, 'Introspect', { token: 'x'.repeat(9000) })).code).toBe(
      grpc.status.INVALID_ARGUMENT,
    );
  });
});
