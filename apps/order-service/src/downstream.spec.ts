import * as grpc from '@grpc/grpc-js';
import type { Order__Output, UserServiceClient } from '@jwt-mesh/contracts';
import { randomUUID } from 'node:crypto';
import {
  closedPort,
  startFakeUserService,
  type FakeUserService,
  type RecordedCall,
} from './testing/fake-user-service';
import {
  ISSUER,
  NAMES,
  bearer,
  customer,
  item,
  keySet,
  startOrderService,
  token,
  type OrderHarness,
} from './testing/harness';

function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<T>(
      (_, reject) => (timer = setTimeout(() => reject(new Error(`${what} within ${ms} ms`)), ms)),
    ),
  ]);
}

const orderCount = (h: OrderHarness, user: string) => h.store.listByUser(user, 1000).length;

describe('order-service → user-service', () => {
  let fake: FakeUserService;
  let h: OrderHarness;
  beforeAll(async () => {
    fake = await startFakeUserService({ keys: keySet(), issuer: ISSUER, names: NAMES });
    h = await startOrderService({ userAddr: fake.address, timeoutMs: 2000 });
  });
  afterAll(async () => {
    await h.close();
    await fake.close();
  });
  beforeEach(() => {
    fake.behavior = 'ok';
    fake.calls.length = 0;
  });

  it("forwards exactly each caller's token and request id (20 concurrent creates from two users)", async () => {
    const tokens = { usr_alice: await customer('usr_alice'), usr_bob: await customer('usr_bob') };
    const jobs = Array.from({ length: 20 }, (_, i) => {
      const sub = i % 2 === 0 ? 'usr_alice' : 'usr_bob';
      const requestId = randomUUID();
      return h
        .call<Order__Output>(
          'CreateOrder',
          { items: [item()] },
          { ...bearer(tokens[sub]), 'x-request-id': requestId },
        )
        .then((out) => ({ sub, requestId, out }));
    });
    const results = await Promise.all(jobs);
    for (const { sub, out } of results) {
      expect(out.code).toBe(grpc.status.OK);
      expect(out.response).toMatchObject({
        user_id: sub,
        customer_name: NAMES[sub as keyof typeof NAMES],
      });
    }
    expect(fake.calls).toHaveLength(20);
    for (const c of fake.calls) {
      expect(c.authorization).toBe(`Bearer ${tokens[c.subject as keyof typeof tokens]}`);
    }
    expect(fake.calls.map((c) => c.requestId).sort()).toEqual(
      results.map((r) => r.requestId).sort(),
    );
  });

  it('ends a 300 ms CreateOrder within its deadline when user-service stalls, cancels the downstream call, stores nothing', async () => {
    fake.behavior = 'stall';
    const before = orderCount(h, 'usr_alice');
    const cancelled = fake.nextCancellation();
    const started = Date.now();
    const out = await h.call(
      'CreateOrder',
      { items: [item()] },
      bearer(await customer('usr_alice')),
      {
        deadline: started + 300,
      },
    );
    const elapsed = Date.now() - started;
    expect(out.code).toBe(grpc.status.DEADLINE_EXCEEDED);
    expect(elapsed).toBeLessThan(300 + 150);
    const seen: RecordedCall = await within(cancelled, 1000, 'downstream cancellation');
    expect(seen.cancelled).toBe(true);
    // The downstream deadline is the caller's, not now + USER_SERVICE_TIMEOUT_MS (2000).
    expect(seen.deadlineMs).toBeLessThanOrEqual(started + 300 + 50);
    await h.log.waitForLine((l) => l.msg === 'user-service call failed', 1000);
    await new Promise((r) => setImmediate(r));
    expect(orderCount(h, 'usr_alice')).toBe(before);
  });

  it('bounds the downstream call by USER_SERVICE_TIMEOUT_MS when the caller sets no deadline', async () => {
    fake.behavior = 'stall';
    const quick = await startOrderService({ userAddr: fake.address, timeoutMs: 150 });
    try {
      const started = Date.now();
      const out = await quick.call(
        'CreateOrder',
        { items: [item()] },
        bearer(await customer('usr_bob')),
      );
      expect([out.code, Date.now() - started < 1000]).toEqual([
        grpc.status.DEADLINE_EXCEEDED,
        true,
      ]);
      expect(fake.calls[0].deadlineMs).toBeLessThanOrEqual(started + 150 + 50);
      expect(orderCount(quick, 'usr_bob')).toBe(0);
    } finally {
      await quick.close();
    }
  });

  it('passes UNAUTHENTICATED through when user-service rejects the token, storing nothing', async () => {
    // Valid for order-service, but its audience does not name user-service.
    const jwt = await token(
      { sub: 'usr_alice', roles: ['customer'] },
      { audience: 'order-service' },
    );
    const before = orderCount(h, 'usr_alice');
    const out = await h.call('CreateOrder', { items: [item()] }, bearer(jwt));
    expect(out.code).toBe(grpc.status.UNAUTHENTICATED);
    expect(fake.calls).toHaveLength(0); // refused by user-service's interceptor, before its handler
    expect(orderCount(h, 'usr_alice')).toBe(before);
  });

  it.each([
    ['not-found', grpc.status.FAILED_PRECONDITION, 'customer profile not found'],
    ['permission-denied', grpc.status.PERMISSION_DENIED, 'permission denied by user-service'],
    ['unavailable', grpc.status.UNAVAILABLE, 'user-service unavailable'],
    ['internal', grpc.status.UNAVAILABLE, 'user-service unavailable'],
    ['wrong-user', grpc.status.UNAVAILABLE, 'user-service unavailable'],
  ] as const)(
    'maps a downstream %s to %s without forwarding its text, storing nothing',
    async (behavior, code, details) => {
      fake.behavior = behavior;
      const before = orderCount(h, 'usr_bob');
      const out = await h.call(
        'CreateOrder',
        { items: [item()] },
        bearer(await customer('usr_bob')),
      );
      expect([out.code, out.details]).toEqual([code, details]);
      expect(orderCount(h, 'usr_bob')).toBe(before);
    },
  );
});

describe('user-service down', () => {
  it('fails CreateOrder fast with UNAVAILABLE and stores nothing, while reads still work', async () => {
    const h = await startOrderService({ userAddr: await closedPort() });
    try {
      const jwt = bearer(await customer('usr_alice'));
      const started = Date.now();
      const out = await h.call('CreateOrder', { items: [item()] }, jwt, {
        deadline: Date.now() + 5000,
      });
      expect([out.code, out.details]).toEqual([
        grpc.status.UNAVAILABLE,
        'user-service unavailable',
      ]);
      expect(Date.now() - started).toBeLessThan(1000);
      expect(orderCount(h, 'usr_alice')).toBe(0);
      expect((await h.call('ListOrders', {}, jwt)).code).toBe(grpc.status.OK);
    } finally {
      await h.close();
    }
  });
});

describe('round-robin over user-service replicas', () => {
  it('spreads calls over every address of a comma list', async () => {
    const a = await startFakeUserService({ keys: keySet(), issuer: ISSUER, names: NAMES });
    const b = await startFakeUserService({ keys: keySet(), issuer: ISSUER, names: NAMES });
    const h = await startOrderService({ userAddr: `${a.address},${b.address}` });
    try {
      const jwt = bearer(await customer('usr_alice'));
      for (let i = 0; i < 10; i++) {
        expect((await h.call('CreateOrder', { items: [item()] }, jwt)).code).toBe(grpc.status.OK);
      }
      expect(a.calls.length).toBeGreaterThan(0);
      expect(b.calls.length).toBeGreaterThan(0);
      expect(a.calls.length + b.calls.length).toBe(10);
    } finally {
      await h.close();
      await a.close();
      await b.close();
    }
  });
});

describe('a caller that goes away while user-service answers', () => {
  it('checks cancellation before writing: a late GetMe answer stores nothing', async () => {
    let answered!: () => void;
    const done = new Promise<void>((r) => (answered = r));
    let reached!: () => void;
    const inGetMe = new Promise<void>((r) => (reached = r));
    // A client double whose answer arrives only after the parent call was cancelled.
    const lateClient = {
      GetMe(
        _req: unknown,
        _md: grpc.Metadata,
        opts: grpc.CallOptions,
        cb: grpc.requestCallback<unknown>,
      ) {
        const parent = opts.parent as unknown as grpc.ServerUnaryCall<unknown, unknown>;
        parent.on('cancelled', () =>
          setImmediate(() => {
            cb(null, {
              id: 'usr_alice',
              username: 'alice',
              display_name: 'Alice',
              email: '',
              roles: [],
            });
            answered();
          }),
        );
        reached();
        return {} as grpc.ClientUnaryCall;
      },
      close() {},
    } as unknown as UserServiceClient;
    const h = await startOrderService({ userClient: lateClient });
    try {
      const jwt = bearer(await customer('usr_alice'));
      const md = new grpc.Metadata();
      md.set('authorization', jwt.authorization);
      const call = h.client.CreateOrder({ items: [item()] }, md, () => undefined);
      await within(inGetMe, 2000, 'GetMe reached');
      call.cancel();
      await within(done, 2000, 'late answer');
      await new Promise((r) => setImmediate(r));
      expect(h.store.counts.insert ?? 0).toBe(0);
      expect(orderCount(h, 'usr_alice')).toBe(0);
    } finally {
      await h.close();
    }
  });
});
