// In-process gRPC fixtures for this lib's own specs (not exported): a JSON-serialized Echo
// service on 127.0.0.1:0 that counts handler invocations and records the principal it saw.
import * as grpc from '@grpc/grpc-js';
import { findPrincipal } from '../principal/principal-store';
import type { Principal } from '../principal/principal';

const json = {
  serialize: (v: unknown) => Buffer.from(JSON.stringify(v)),
  deserialize: (b: Buffer) => JSON.parse(b.toString('utf8')) as unknown,
};

/** A unary method definition with JSON messages under any path. */
export function jsonMethod(path: string): grpc.MethodDefinition<unknown, unknown> {
  return {
    path,
    requestStream: false,
    responseStream: false,
    requestSerialize: json.serialize,
    requestDeserialize: json.deserialize,
    responseSerialize: json.serialize,
    responseDeserialize: json.deserialize,
  };
}

export const ECHO_PATH = '/test.v1.Echo/Echo';
export const echoDefinition: grpc.ServiceDefinition = { Echo: jsonMethod(ECHO_PATH) };
export const EchoClient = grpc.makeGenericClientConstructor(echoDefinition, 'Echo');
export type EchoClientT = InstanceType<typeof EchoClient>;

export type UnaryHandler = (
  call: grpc.ServerUnaryCall<unknown, unknown>,
) => Promise<unknown> | unknown;

export interface TestServer {
  readonly server: grpc.Server;
  readonly address: string;
  /** Handler invocations so far. */
  calls: number;
  principals: Array<Principal | undefined>;
  close(): Promise<void>;
}

/** Starts a server with `interceptors`, the Echo service (or `handler`) and any extra services. */
export async function startTestServer(opts: {
  interceptors: grpc.ServerInterceptor[];
  handler?: UnaryHandler;
  extra?: (server: grpc.Server) => void;
}): Promise<TestServer> {
  const server = new grpc.Server({ interceptors: opts.interceptors });
  const state: TestServer = {
    server,
    address: '',
    calls: 0,
    principals: [],
    close: () => new Promise((resolve) => server.tryShutdown(() => resolve())),
  };
  const handler: UnaryHandler =
    opts.handler ??
    ((call) => {
      const p = findPrincipal(call);
      return { subject: p?.subject, roles: p?.roles, size: JSON.stringify(call.request).length };
    });
  server.addService(echoDefinition, {
    Echo: (call: grpc.ServerUnaryCall<unknown, unknown>, cb: grpc.sendUnaryData<unknown>) => {
      state.calls += 1;
      state.principals.push(findPrincipal(call));
      Promise.resolve()
        .then(() => handler(call))
        .then(
          (res) => cb(null, res),
          (err: { grpcCode?: number; publicMessage?: string }) =>
            cb({
              code: err.grpcCode ?? grpc.status.INTERNAL,
              details: err.publicMessage ?? 'internal error',
            }),
        );
    },
  });
  opts.extra?.(server);
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (err, p) =>
      err ? reject(err) : resolve(p),
    ),
  );
  (state as { address: string }).address = `127.0.0.1:${port}`;
  return state;
}

export interface CallResult {
  err: grpc.ServiceError | null;
  res: unknown;
}

/** One unary call that never rejects: the status is in `err`. */
export function unaryCall(
  client: grpc.Client,
  path: string,
  request: unknown,
  metadata: grpc.Metadata = new grpc.Metadata(),
  options: grpc.CallOptions = {},
): Promise<CallResult> {
  return new Promise((resolve) => {
    client.makeUnaryRequest(
      path,
      json.serialize,
      json.deserialize,
      request,
      metadata,
      { deadline: Date.now() + 5000, ...options },
      (err, res) => resolve({ err: err ?? null, res }),
    );
  });
}

/** Metadata with one `authorization` value. */
export function bearer(value: string): grpc.Metadata {
  const md = new grpc.Metadata();
  md.set('authorization', value);
  return md;
}
