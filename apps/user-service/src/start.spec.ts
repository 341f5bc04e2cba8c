import * as grpc from '@grpc/grpc-js';
import { createUserClient } from '@jwt-mesh/contracts';
import { createTestKeys, signTestToken, startJwksServer } from '@jwt-mesh/jwt-interceptor/testing';
import { captureLogger, unaryCall } from '@jwt-mesh/service-kit/testing';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseUserConfig } from './config';
import { startServer } from './start';

describe('startServer (config-driven)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'user-service-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('creates DATA_DIR/users.db, seeds once, verifies with a static key file and survives a restart', async () => {
    const keys = createTestKeys();
    const keyFile = join(dir, 'jwks.json');
    writeFileSync(keyFile, JSON.stringify(keys.jwks));
    const config = parseUserConfig({
      GRPC_PORT: '0',
      DATA_DIR: join(dir, 'data'),
      JWT_PUBLIC_KEYS_FILE: keyFile,
    });
    const jwt = await signTestToken(
      { sub: 'usr_bob', roles: ['customer'] },
      { keys, issuer: config.JWT_ISSUER, audience: 'user-service' },
    );

    for (const round of [1, 2]) {
      const log = captureLogger('user-service');
      const service = await startServer(config, log.logger);
      expect(existsSync(join(dir, 'data', 'users.db'))).toBe(true);
      const client = createUserClient(service.running.address);
      const out = await unaryCall(client, 'GetMe', {}, { authorization: `Bearer ${jwt}` });
      client.close();
      await service.stop(0);
      expect(out.code).toBe(grpc.status.OK);
      expect(out.response).toMatchObject({ id: 'usr_bob', display_name: 'Bob Marley' });
      const seeded = log.lines().filter((l) => l.msg === 'profiles seeded');
      expect(seeded).toHaveLength(round === 1 ? 1 : 0);
      expect(log.lines().find((l) => l.msg === 'listening')).toMatchObject({
        service: 'user-service',
      });
    }
  });

  it('verifies with keys fetched from JWKS_URL', async () => {
    const keys = createTestKeys();
    const jwks = await startJwksServer(keys.jwks);
    const config = parseUserConfig({
      GRPC_PORT: '0',
      DATA_DIR: join(dir, 'data-jwks'),
      JWKS_URL: jwks.url,
    });
    const service = await startServer(config, captureLogger('user-service').logger);
    const client = createUserClient(service.running.address);
    try {
      const jwt = await signTestToken(
        { sub: 'usr_alice', roles: ['customer'] },
        { keys, issuer: config.JWT_ISSUER, audience: 'user-service' },
      );
      const out = await unaryCall(client, 'GetMe', {}, { authorization: `Bearer ${jwt}` });
      expect(out.code).toBe(grpc.status.OK);
      expect(jwks.requests).toBeGreaterThan(0);
    } finally {
      client.close();
      await service.stop(0);
      await jwks.close();
    }
  });
});
