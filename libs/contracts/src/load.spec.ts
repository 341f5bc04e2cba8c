import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { METHODS, findProtoRoot, loadMesh } from './index';

describe('loadMesh', () => {
  it('loads every service with the method paths the rest of the mesh uses', () => {
    const { grpcObject, packageDefinition } = loadMesh();
    const order = grpcObject.mesh.order.v1.OrderService.service;
    expect(order.CreateOrder.path).toBe(METHODS.order.CreateOrder);
    expect(grpcObject.mesh.user.v1.UserService.service.GetMe.path).toBe(METHODS.user.GetMe);
    expect(grpcObject.mesh.auth.v1.AuthService.service.Login.path).toBe(METHODS.auth.Login);
    expect(Object.keys(packageDefinition)).toEqual(
      expect.arrayContaining(['mesh.auth.v1.AuthService', 'mesh.order.v1.Order']),
    );
  });

  it('decodes int64 money as a string and enums as names (the shared loader options)', () => {
    const { grpcObject } = loadMesh();
    const Order = grpcObject.mesh.order.v1.Order as unknown as {
      type: unknown;
    };
    expect(Order.type).toBeDefined();
    const svc = grpcObject.mesh.order.v1.OrderService.service.GetOrder;
    const bytes = svc.responseSerialize({
      total_cents: '9007199254740993',
      status: 'ORDER_STATUS_PENDING',
    });
    const back = svc.responseDeserialize(bytes);
    expect(back.total_cents).toBe('9007199254740993');
    expect(back.status).toBe('ORDER_STATUS_PENDING');
    expect(back.items).toEqual([]);
  });

  it('finds protos/ from a nested folder and fails clearly where there is none', () => {
    expect(findProtoRoot(__dirname)).toMatch(/protos$/);
    expect(() => findProtoRoot('/')).toThrow(/cannot find protos/);
  });
});

describe('generated types', () => {
  it('are up to date with protos/ (npm run gen:protos regenerates them)', () => {
    const root = join(__dirname, '../../..');
    const out = execFileSync('node', [join(root, 'tools/gen-proto-types.mjs'), '--check'], {
      cwd: root,
      encoding: 'utf8',
      // A sync child blocks jest's own timeout: this bound is what turns a hang into a failure.
      timeout: 30_000,
      killSignal: 'SIGKILL',
    });
    expect(out).toMatch(/up to date/);
  }, 40_000);
});
