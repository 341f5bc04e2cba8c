import * as grpc from '@grpc/grpc-js';
import { createOrderClient, loadMesh, METHODS, type OrderServiceClient } from '@jwt-mesh/contracts';
import * as http2 from 'node:http2';
import { closeServer, grpcFrame, rawGrpcRequest, startTestServer, unaryCall } from '../testing';
import { SERVER_DEFAULTS } from './server-limits';
import type { RunningServer, StartServerOptions } from './start-grpc-server';

const { packageDefinition, grpcObject } = loadMesh();
const definition = grpcObject.mesh.order.v1.OrderService.service;

let handled = 0;
const implementation = {
  CreateOrder: (
    call: grpc.ServerUnaryCall<{ items: unknown[] }, unknown>,
    cb: grpc.sendUnaryData<unknown>,
  ) => {
    handled += 1;
    cb(null, { id: 'ord_1', items: call.request.items.slice(0, 1) });
  },
  GetOrder: () => {
    // never answers: only the connection limits end it
  },
};
const start = (o: Partial<StartServerOptions> = {}) =>
  startTestServer({ services: [{ definition, implementation }], packageDefinition, ...o });

const items = (n: number) =>
  Array.from({ length: n }, () => ({ sku: 'SKU-123', quantity: 1, unit_price_cents: '100' }));

/** Connects over plain HTTP/2 and resolves with the server's SETTINGS (then closes). */
const serverSettings = (address: string) =>
  new Promise<http2.Settings>((resolve, reject) => {
    const session = http2.connect(`http://${address}`);
    session.once('error', reject);
    session.once('remoteSettings', (settings) => {
      session.close();
      resolve(settings);
    });
  });

describe('defaults', () => {
  let running: RunningServer;
  let client: OrderServiceClient;
  beforeAll(async () => {
    running = await start();
    client = createOrderClient(running.address);
  });
  afterAll(async () => {
    client.close();
    await closeServer(running);
  });

  it('refuses a request message over 64 KiB with RESOURCE_EXHAUSTED; the handler does not run', async () => {
    const before = handled;
    const out = await unaryCall(client, 'CreateOrder', { items: items(6000) }); // ~78 KB
    expect(out.code).toBe(grpc.status.RESOURCE_EXHAUSTED);
    expect(handled).toBe(before);
  });

  it('refuses 2 million empty items (4 MiB) from the length prefix, before decoding', async () => {
    const before = handled;
    const body = grpcFrame(Buffer.alloc(4 * 1024 * 1024 - 16, Buffer.from([0x0a, 0x00])));
    const out = await rawGrpcRequest({
      address: running.address,
      path: METHODS.order.CreateOrder,
      body,
    });
    expect(out.grpcStatus).toBe(grpc.status.RESOURCE_EXHAUSTED);
    expect(handled).toBe(before);
  });

  it('serves a request under the limit', async () => {
    const out = await unaryCall(client, 'CreateOrder', { items: items(100) });
    expect(out.code).toBe(grpc.status.OK);
  });

  it('advertises max concurrent streams 100', async () => {
    expect((await serverSettings(running.address)).maxConcurrentStreams).toBe(
      SERVER_DEFAULTS['grpc.max_concurrent_streams'],
    );
    expect(SERVER_DEFAULTS['grpc.max_concurrent_streams']).toBe(100);
  });
});

describe('overrides', () => {
  const servers: RunningServer[] = [];
  afterAll(() => Promise.all(servers.map(closeServer)));
  const started = async (o: Partial<StartServerOptions>) => {
    const running = await start(o);
    servers.push(running);
    return running;
  };

  it('maxReceiveMessageBytes sets the limit per service', async () => {
    const running = await started({ maxReceiveMessageBytes: 1024 });
    const client = createOrderClient(running.address);
    try {
      expect((await unaryCall(client, 'CreateOrder', { items: items(10) })).code).toBe(
        grpc.status.OK,
      );
      expect((await unaryCall(client, 'CreateOrder', { items: items(100) })).code).toBe(
        grpc.status.RESOURCE_EXHAUSTED,
      );
    } finally {
      client.close();
    }
  });

  it('serverOptions override a default', async () => {
    const running = await started({ serverOptions: { 'grpc.max_concurrent_streams': 7 } });
    expect((await serverSettings(running.address)).maxConcurrentStreams).toBe(7);
  });

  it('closes an idle connection after grpc.max_connection_idle_ms', async () => {
    const running = await started({ serverOptions: { 'grpc.max_connection_idle_ms': 100 } });
    const session = http2.connect(`http://${running.address}`);
    session.on('error', () => undefined);
    await new Promise<void>((resolve) => session.once('goaway', () => resolve()));
    session.destroy();
  });

  it('cuts a call that never ends once the connection is past max age + grace', async () => {
    const running = await started({
      serverOptions: {
        'grpc.max_connection_age_ms': 100,
        'grpc.max_connection_age_grace_ms': 100,
      },
    });
    const client = createOrderClient(running.address);
    try {
      const out = await unaryCall(client, 'GetOrder', { order_id: 'ord_1' });
      expect(out.code).not.toBe(grpc.status.OK);
    } finally {
      client.close();
    }
  });

  it.each([0, -1, 1.5, Number.NaN])('rejects maxReceiveMessageBytes %p with a TypeError', (n) =>
    expect(start({ maxReceiveMessageBytes: n })).rejects.toThrow(
      new TypeError(`startGrpcServer: maxReceiveMessageBytes must be a positive integer, got ${n}`),
    ),
  );
});
