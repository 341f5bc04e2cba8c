import * as grpc from '@grpc/grpc-js';
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { captureLogger } from '@jwt-mesh/service-kit/testing';
import { runRotateKeys } from './cli/rotate-keys';
import { loadAuthConfig } from './config';
import { startDownstream } from './testing/downstream';
import {
  bearer,
  decodeSegment,
  login,
  PASSWORDS,
  rpc,
  rpcError,
  startTestAuth,
  tempDir,
  TestClock,
  type Tokens,
} from './testing/harness';

const mode = (p: string) => statSync(p).mode & 0o777;
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
function dir(): string {
  const d = tempDir();
  dirs.push(d);
  return d;
}

it('keeps keys, users and refresh tokens across a restart; files are owner-only', async () => {
  const dataDir = dir();
  const clock = new TestClock();
  const first = await startTestAuth({ dataDir, clock, database: 'file' });
  const t = await login(first.client, 'alice', PASSWORDS.alice);
  const kid = decodeSegment(t.access_token, 0).kid as string;
  await first.stop();

  expect(mode(join(dataDir, 'keys'))).toBe(0o700);
  expect(mode(join(dataDir, 'keys', `${kid}.pem`))).toBe(0o600);
  expect(mode(join(dataDir, 'keys', 'state.json'))).toBe(0o600);
  expect(mode(join(dataDir, 'auth.db'))).toBe(0o600);
  expect(readFileSync(join(dataDir, 'keys', `${kid}.pem`), 'utf8')).toMatch(
    /^-----BEGIN PRIVATE KEY-----/,
  );

  clock.advance(60);
  const second = await startTestAuth({ dataDir, clock, database: 'file' });
  const downstream = await startDownstream({
    jwksUrl: second.running.http.jwksUrl,
    issuer: second.config.JWT_ISSUER,
    audience: 'user-service',
    now: clock.now,
  });
  try {
    // the token minted before the restart verifies against the restarted service's JWKS
    await expect(downstream.whoAmI(t.access_token)).resolves.toMatchObject({ id: 'usr_alice' });
    const refreshed = await rpc<Tokens>(second.client, 'Refresh', {
      refresh_token: t.refresh_token,
    });
    expect(decodeSegment(refreshed.access_token, 0).kid).toBe(kid);
    // seeding is idempotent: the users are still the three seeded the first time
    expect(second.running.users.count()).toBe(3);
    expect(second.logs.lines().some((l) => l.msg === 'users seeded')).toBe(false);
  } finally {
    await downstream.stop();
    await second.stop();
  }
});

it('refuses to start on a key directory that another live process holds', async () => {
  const dataDir = dir();
  const running = await startTestAuth({ dataDir });
  await running.stop();
  // pid 1 is alive and is not us
  writeFileSync(join(dataDir, 'keys', 'lock'), '1');
  await expect(startTestAuth({ dataDir })).rejects.toMatchObject({ code: 'ERR_KEY_DIR_LOCKED' });
  // a stale lock (dead pid) is taken over
  writeFileSync(join(dataDir, 'keys', 'lock'), '999999999');
  const again = await startTestAuth({ dataDir });
  await again.stop();
});

it('rotate-keys (CLI, server stopped) publishes the new key at the next start and signs after the delay', async () => {
  const dataDir = dir();
  const clock = new TestClock();
  const first = await startTestAuth({ dataDir, clock });
  const oldKid = decodeSegment(
    (await login(first.client, 'bob', PASSWORDS.bob)).access_token,
    0,
  ).kid;
  await first.stop();

  let out = '';
  const config = loadAuthConfig({ DATA_DIR: dataDir });
  expect(
    await runRotateKeys(config, captureLogger('auth-service').logger, {
      write: (s: string) => (out += s),
    }),
  ).toBe(0);
  const printed = JSON.parse(out) as { active_kid: string; next_kid: string };
  expect(printed.active_kid).toBe(oldKid);

  clock.advance(3600); // stopped for an hour: the delay still counts from the start
  const second = await startTestAuth({ dataDir, clock });
  try {
    const jwks = JSON.parse(
      (await rpc<{ jwks_json: string }>(second.client, 'GetJwks', {})).jwks_json,
    ) as { keys: Array<{ kid: string }> };
    expect(jwks.keys.map((k) => k.kid)).toEqual([oldKid, printed.next_kid]);
    expect(
      decodeSegment((await login(second.client, 'bob', PASSWORDS.bob)).access_token, 0).kid,
    ).toBe(oldKid);
    clock.advance(600);
    expect(
      decodeSegment((await login(second.client, 'bob', PASSWORDS.bob)).access_token, 0).kid,
    ).toBe(printed.next_kid);
  } finally {
    await second.stop();
  }
});

it('uses an operator-supplied key file as is, never rewrites it, and refuses rotation', async () => {
  const dataDir = dir();
  const keyFile = join(dir(), 'signing.jwk');
  const jwk = generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' });
  writeFileSync(keyFile, JSON.stringify(jwk), { mode: 0o600 });
  const before = readFileSync(keyFile, 'utf8');
  const auth = await startTestAuth({
    dataDir,
    env: { SIGNING_KEY_FILE: keyFile, JWT_ALG: 'EdDSA' },
  });
  try {
    const admin = await login(auth.client, 'admin', PASSWORDS.admin);
    expect(decodeSegment(admin.access_token, 0)).toMatchObject({ alg: 'EdDSA', typ: 'at+jwt' });
    const err = await rpcError(auth.client, 'RotateKeys', {}, bearer(admin.access_token));
    expect(err.code).toBe(grpc.status.FAILED_PRECONDITION);
    const jwks = JSON.parse(
      (await rpc<{ jwks_json: string }>(auth.client, 'GetJwks', {})).jwks_json,
    ) as { keys: object[] };
    expect(jwks.keys).toEqual([
      { kty: 'OKP', crv: 'Ed25519', x: jwk.x, kid: expect.any(String), alg: 'EdDSA', use: 'sig' },
    ]);
  } finally {
    await auth.stop();
  }
  expect(readFileSync(keyFile, 'utf8')).toBe(before);
});

it('refuses an operator key that does not fit JWT_ALG', async () => {
  const pem = generateKeyPairSync('ec', { namedCurve: 'P-256' })
    .privateKey.export({ format: 'pem', type: 'pkcs8' })
    .toString();
  await expect(
    startTestAuth({ env: { SIGNING_KEY: pem, JWT_ALG: 'RS256' } }),
  ).rejects.toMatchObject({ code: 'ERR_KEY_CONFIG' });
  await expect(startTestAuth({ env: { SIGNING_KEY: 'not a key' } })).rejects.toMatchObject({
    code: 'ERR_KEY_CONFIG',
    message: expect.not.stringContaining('not a key'),
  });
});

it('introduces a key of a new JWT_ALG through the normal rotation timeline', async () => {
  const dataDir = dir();
  const clock = new TestClock();
  const es = await startTestAuth({ dataDir, clock });
  await es.stop();
  const rs = await startTestAuth({ dataDir, clock, env: { JWT_ALG: 'PS256' } });
  try {
    expect(
      decodeSegment((await login(rs.client, 'alice', PASSWORDS.alice)).access_token, 0).alg,
    ).toBe('ES256');
    clock.advance(600);
    expect(
      decodeSegment((await login(rs.client, 'alice', PASSWORDS.alice)).access_token, 0).alg,
    ).toBe('PS256');
  } finally {
    await rs.stop();
  }
});
