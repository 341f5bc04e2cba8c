import * as grpc from '@grpc/grpc-js';
import {
  createAuthClient,
  createOrderClient,
  createUserClient,
  type ListOrdersResponse__Output,
  type Order__Output,
  type OrderItem,
  type RotateKeysResponse__Output,
  type TokenResponse__Output,
  type User__Output,
} from '@jwt-mesh/contracts';
import { randomUUID } from 'node:crypto';

export interface CallOptions {
  token?: string;
  requestId?: string;
  deadlineMs?: number;
  /** Queue the call until the channel connects (e.g. right after the server restarted) instead of failing fast. */
  waitForReady?: boolean;
}

type Invoke<Res> = (
  md: grpc.Metadata,
  o: grpc.CallOptions,
  cb: grpc.requestCallback<Res>,
) => grpc.ClientUnaryCall;

function unary<Res>(invoke: Invoke<Res>, o: CallOptions = {}): Promise<Res> {
  const md = new grpc.Metadata();
  if (o.token !== undefined) md.set('authorization', `Bearer ${o.token}`);
  md.set('x-request-id', o.requestId ?? randomUUID());
  if (o.waitForReady) md.setOptions({ waitForReady: true });
  return new Promise((resolve, reject) =>
    invoke(md, { deadline: Date.now() + (o.deadlineMs ?? 5000) }, (err, res) =>
      err ? reject(err) : resolve(res!),
    ),
  );
}

/**
 * The generated clients of one cluster, with one method per RPC the tests use. Tokens and request
 * ids travel as call metadata, as any gRPC client would send them. Addresses may be comma lists
 * (round-robin over replicas).
 */
export class MeshApi {
  readonly auth;
  readonly user;
  readonly order;

  constructor(addrs: { auth: string; user: string; order: string }) {
    this.auth = createAuthClient(addrs.auth);
    this.user = createUserClient(addrs.user);
    this.order = createOrderClient(addrs.order);
  }

  login(username: string, password: string, o?: CallOptions) {
    return unary<TokenResponse__Output>(
      (md, co, cb) => this.auth.Login({ username, password }, md, co, cb),
      o,
    );
  }
  refresh(refresh_token: string, o?: CallOptions) {
    return unary<TokenResponse__Output>(
      (md, co, cb) => this.auth.Refresh({ refresh_token }, md, co, cb),
      o,
    );
  }
  rotateKeys(o: CallOptions) {
    return unary<RotateKeysResponse__Output>(
      (md, co, cb) => this.auth.RotateKeys({}, md, co, cb),
      o,
    );
  }
  getMe(o: CallOptions) {
    return unary<User__Output>((md, co, cb) => this.user.GetMe({}, md, co, cb), o);
  }
  createOrder(items: OrderItem[], o: CallOptions, idempotency_key = '') {
    return unary<Order__Output>(
      (md, co, cb) => this.order.CreateOrder({ items, idempotency_key }, md, co, cb),
      o,
    );
  }
  getOrder(order_id: string, o: CallOptions) {
    return unary<Order__Output>((md, co, cb) => this.order.GetOrder({ order_id }, md, co, cb), o);
  }
  listOrders(o: CallOptions, page_size = 100) {
    return unary<ListOrdersResponse__Output>(
      (md, co, cb) => this.order.ListOrders({ page_size }, md, co, cb),
      o,
    );
  }

  close(): void {
    this.auth.close();
    this.user.close();
    this.order.close();
  }
}

/** The gRPC status a call ended with (OK when it succeeded). */
export async function codeOf(p: Promise<unknown>): Promise<number> {
  try {
    await p;
    return grpc.status.OK;
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    if (typeof code !== 'number') throw err;
    return code;
  }
}

export const ITEM = { sku: 'IT-1', quantity: 2, unit_price_cents: '1999' } as const;
export { grpc };
