import * as grpc from '@grpc/grpc-js';
import { createOrderClient, type Order__Output } from '@jwt-mesh/contracts';
import { captureLogger, unaryCall } from '@jwt-mesh/service-kit/testing';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseOrderConfig } from './config';
import { startServer } from './start';
import { closedPort, startFakeUserService } from './testing/fake-user-service';
import { ISSUER, NAMES, bearer, customer, item, keySet, testKeys } from './testing/harness';

describe('startServer (config-driven, SQLite file)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'order-service-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps an order across a restart, and serves reads while user-service is down', async () => {
    const keyFile = join(dir, 'jwks.json');
    writeFileSync(keyFile, JSON.stringify(testKeys.jwks));
    const fake = await startFakeUserService({ keys: keySet(), issuer: ISSUER, names: NAMES });
    const env = {
      GRPC_PORT: '0',
      DATA_DIR: join(dir, 'data'),
      JWT_PUBLIC_KEYS_FILE: keyFile,
      JWT_ISSUER: ISSUER,
    };
    const jwt = bearer(await customer('usr_alice'));

    const first = await startServer(
      parseOrderConfig({ ...env, USER_SERVICE_ADDR: fake.address }),
      captureLogger().logger,
    );
    let client = createOrderClient(first.running.address);
    const created = await unaryCall<typeof client, object, Order__Output>(
      client,
      'CreateOrder',
      { items: [item('KEEP-1', 2, '350')] },
      jwt,
    );
    client.close();
    await first.stop(0);
    await fake.close();
    expect(created.code).toBe(grpc.status.OK);
    expect(existsSync(join(dir, 'data', 'orders.db'))).toBe(true);

    const log = captureLogger('order-service');
    const second = await startServer(
      parseOrderConfig({ ...env, USER_SERVICE_ADDR: await closedPort() }),
      log.logger,
    );
    client = createOrderClient(second.running.address);
    try {
      const read = await unaryCall(client, 'GetOrder', { order_id: created.response!.id }, jwt);
      expect(read.code).toBe(grpc.status.OK);
      expect(read.response).toEqual(created.response);
      const list = await unaryCall<typeof client, object, { orders: Order__Output[] }>(
        client,
        'ListOrders',
        {},
        jwt,
      );
      expect(list.response!.orders.map((o) => o.id)).toEqual([created.response!.id]);
      expect(log.lines().find((l) => l.msg === 'listening')).toMatchObject({
        service: 'order-service',
      });
    } finally {
      client.close();
      await second.stop(0);
    }
  });
});
