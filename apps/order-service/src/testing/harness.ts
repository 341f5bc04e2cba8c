import {
  createOrderClient,
  type OrderServiceClient,
  type UserServiceClient,
} from '@jwt-mesh/contracts';
import { createStaticKeySet } from '@jwt-mesh/jwt-interceptor';
import { createTestKeys, signTestToken } from '@jwt-mesh/jwt-interceptor/testing';
import type { RunningServer } from '@jwt-mesh/service-kit';
import {
  captureLogger,
  closeServer,
  unaryCall,
  type CapturedLogger,
} from '@jwt-mesh/service-kit/testing';
import type * as grpc from '@grpc/grpc-js';
import { createUserServiceClient } from '../clients/user-directory';
import { createOrderServer } from '../server';
import { openOrderStore, type OrderStore } from '../store/order-store';

/** Shared fixtures of order-service's server tests. */
export const ISSUER = 'http://127.0.0.1:8080';
export const testKeys = createTestKeys();
export const keySet = () => createStaticKeySet({ jwks: testKeys.jwks, algorithms: ['ES256'] });
export const NAMES = Object.freeze({
  usr_alice: 'Alice Liddell',
  usr_bob: 'Bob Marley',
  usr_admin: 'Ada Admin',
});

export function token(
  claims: Record<string, unknown>,
  o: { audience?: string | string[]; issuer?: string; keys?: typeof testKeys } = {},
): Promise<string> {
  return signTestToken(claims, {
    keys: o.keys ?? testKeys,
    issuer: o.issuer ?? ISSUER,
    audience: o.audience ?? ['order-service', 'user-service'],
  });
}
export const customer = (sub: string) => token({ sub, roles: ['customer'] });
export const admin = () => token({ sub: 'usr_admin', roles: ['admin'] });
export const bearer = (t: string) => ({ authorization: `Bearer ${t}` });

export const item = (sku = 'SKU-1', quantity = 1, unit_price_cents = '100') => ({
  sku,
  quantity,
  unit_price_cents,
});

/** A store that counts calls per method, to prove a handler never ran. */
export function countingStore(real: OrderStore): OrderStore & { counts: Record<string, number> } {
  const counts: Record<string, number> = {};
  const wrapped = {} as OrderStore;
  for (const key of Object.keys(real) as (keyof OrderStore)[]) {
    (wrapped as unknown as Record<string, unknown>)[key] = (...args: unknown[]) => {
      counts[key] = (counts[key] ?? 0) + 1;
      return (real[key] as (...a: unknown[]) => unknown)(...args);
    };
  }
  return Object.assign(wrapped, { counts });
}

export interface OrderHarness {
  running: RunningServer;
  client: OrderServiceClient;
  store: OrderStore & { counts: Record<string, number> };
  log: CapturedLogger;
  call<Res = unknown>(
    method: string,
    req: object,
    headers?: Record<string, string>,
    options?: grpc.CallOptions,
  ): ReturnType<typeof unaryCall<OrderServiceClient, object, Res>>;
  close(): Promise<void>;
}

/** order-service on 127.0.0.1:0 with an in-memory store (or `store`), its one user-service client at `userAddr`. */
export async function startOrderService(o: {
  userAddr?: string;
  userClient?: UserServiceClient;
  store?: OrderStore;
  timeoutMs?: number;
}): Promise<OrderHarness> {
  const store = countingStore(o.store ?? openOrderStore(':memory:'));
  const userClient = o.userClient ?? createUserServiceClient(o.userAddr ?? '127.0.0.1:1');
  const log = captureLogger('order-service');
  const running = await createOrderServer({
    host: '127.0.0.1',
    port: 0,
    logger: log.logger,
    auth: { keys: keySet(), issuer: ISSUER, audience: 'order-service', algorithms: ['ES256'] },
    store,
    userClient,
    userServiceTimeoutMs: o.timeoutMs ?? 2000,
  });
  const client = createOrderClient(running.address);
  return {
    running,
    client,
    store,
    log,
    call: (method, req, headers = {}, options = {}) =>
      unaryCall(client, method, req, headers, options),
    async close() {
      client.close();
      await closeServer(running);
      if (!o.userClient) userClient.close();
      store.close();
    },
  };
}
