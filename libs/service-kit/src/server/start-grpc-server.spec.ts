import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { createUserClient, loadMesh, type UserServiceClient } from '@jwt-mesh/contracts';
import { protoPath as healthProtoPath } from 'grpc-health-check';
import { join } from 'node:path';
import { captureLogger, closeServer, startTestServer, unaryCall } from '../testing';
import { INFRA_METHODS } from './infra-methods';
import type { RunningServer } from './start-grpc-server';

const { packageDefinition, grpcObject } = loadMesh();
const load = (file: string, includeDirs: string[] = []) =>
  grpc.loadPackageDefinition(
    protoLoader.loadSync(file, {
      keepCase: true,
      longs: String,
      enums: String,
      defaults: true,
      oneofs: true,
      includeDirs,
    }),
  ) as unknown as Record<
    string,
    Record<string, Record<string, Record<string, grpc.ServiceClientConstructor>>>
  >;

const reflectionRoot = join(require.resolve('@grpc/reflection'), '..', '..', 'proto');
const HealthClient = load(healthProtoPath).grpc!.health!.v1!.Health!;
const ReflectionV1 = load(join(reflectionRoot, 'grpc/reflection/v1/reflection.proto')).grpc!
  .reflection!.v1!.ServerReflection!;
const ReflectionV1Alpha = load(join(reflectionRoot, 'grpc/reflection/v1alpha/reflection.proto'))
  .grpc!.reflection!.v1alpha!.ServerReflection!;

let running: RunningServer;
const log = captureLogger('user-service');

beforeAll(async () => {
  running = await startTestServer({
    service: 'user-service',
    services: [
      {
        definition: grpcObject.mesh.user.v1.UserService.service,
        implementation: {
          GetMe: (_c: unknown, cb: grpc.sendUnaryData<unknown>) => cb(null, { id: 'u1' }),
        },
      },
    ],
    packageDefinition,
    logger: log.logger,
  });
});
afterAll(() => closeServer(running));

it('binds port 0 to a free port and logs one parseable listening line', () => {
  expect(running.port).toBeGreaterThan(0);
  expect(running.address).toBe(`127.0.0.1:${running.port}`);
  const listening = log.lines().filter((l) => l.msg === 'listening');
  expect(listening).toEqual([
    expect.objectContaining({
      service: 'user-service',
      address: running.address,
      port: running.port,
      pid: process.pid,
    }),
  ]);
  // one `service` key, not a duplicate from the logger's base
  expect(log.text().match(/"service"/g)).toHaveLength(1);
});

describe('grpc.health.v1', () => {
  const check = (service: string) => {
    const client = new HealthClient(running.address, grpc.credentials.createInsecure());
    return unaryCall<grpc.Client, { service: string }, { status: string }>(client, 'Check', {
      service,
    }).finally(() => client.close());
  };

  it('reports SERVING for the server and each service, NOT_SERVING after setServing(false)', async () => {
    expect((await check('')).response).toEqual({ status: 'SERVING' });
    expect((await check('mesh.user.v1.UserService')).response).toEqual({ status: 'SERVING' });
    expect((await check('mesh.nope.v1.Nope')).code).toBe(grpc.status.NOT_FOUND);
    running.setServing(false);
    try {
      expect((await check('')).response).toEqual({ status: 'NOT_SERVING' });
      expect((await check('mesh.user.v1.UserService')).response).toEqual({ status: 'NOT_SERVING' });
    } finally {
      running.setServing(true);
    }
  });

  it('logs health probes at debug, not info', async () => {
    await check('');
    const line = await log.waitForLine(
      (l) => l.msg === 'rpc finished' && l.rpc === INFRA_METHODS[0],
    );
    expect(line).toMatchObject({ level: 20, code: 'OK' });
  });
});

describe('server reflection', () => {
  const ask = (Ctor: grpc.ServiceClientConstructor, request: object) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const client = new Ctor(running.address, grpc.credentials.createInsecure());
      const stream = (
        client as unknown as {
          ServerReflectionInfo(): grpc.ClientDuplexStream<object, Record<string, unknown>>;
        }
      ).ServerReflectionInfo();
      stream.on('data', (res) => {
        resolve(res);
        stream.end();
        client.close();
      });
      stream.on('error', reject);
      stream.write(request);
    });
  const listServices = async (Ctor: grpc.ServiceClientConstructor) => {
    const res = await ask(Ctor, { list_services: '' });
    const list = res.list_services_response as { service: { name: string }[] } | undefined;
    return (list?.service ?? []).map((s) => s.name).sort();
  };

  it.each(['grpc.health.v1.Health', 'mesh.user.v1.UserService'])(
    'describes %s (grpcurl describe)',
    async (symbol) => {
      const res = await ask(ReflectionV1, { file_containing_symbol: symbol });
      const files = (res.file_descriptor_response as { file_descriptor_proto: Buffer[] })
        .file_descriptor_proto;
      expect(files.length).toBeGreaterThan(0);
      expect(Buffer.concat(files).toString('latin1')).toContain(symbol.split('.').pop());
    },
  );

  it.each([
    ['v1', ReflectionV1],
    ['v1alpha', ReflectionV1Alpha],
  ])('lists the services (%s)', async (_v, Ctor) => {
    const names = await listServices(Ctor);
    expect(names).toEqual(
      expect.arrayContaining([
        'grpc.health.v1.Health',
        'mesh.auth.v1.AuthService',
        'mesh.order.v1.OrderService',
        'mesh.user.v1.UserService',
      ]),
    );
  });
});

it('serves the registered implementation', async () => {
  const client: UserServiceClient = createUserClient(running.address);
  try {
    expect((await unaryCall(client, 'GetMe', {})).response).toMatchObject({ id: 'u1' });
  } finally {
    client.close();
  }
});

it('INFRA_METHODS names real paths of the health and reflection services', () => {
  const paths = [
    ...Object.values(HealthClient.service).map((m) => m.path),
    ...Object.values(ReflectionV1.service).map((m) => m.path),
    ...Object.values(ReflectionV1Alpha.service).map((m) => m.path),
  ];
  for (const p of INFRA_METHODS) expect(paths).toContain(p);
});
