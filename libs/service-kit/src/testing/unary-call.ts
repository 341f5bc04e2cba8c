import * as grpc from '@grpc/grpc-js';

/** Everything a test wants to assert about one finished unary call. */
export interface UnaryOutcome<Res> {
  /** The status code (0 = OK). */
  code: grpc.status;
  details: string;
  response?: Res;
  /** Response headers; empty for a trailers-only (early error) response. */
  headers: grpc.Metadata;
  trailers: grpc.Metadata;
}

type UnaryMethod<Req, Res> = (
  request: Req,
  metadata: grpc.Metadata,
  options: grpc.CallOptions,
  callback: (err: grpc.ServiceError | null, response?: Res) => void,
) => grpc.ClientUnaryCall;

/**
 * Calls a unary method and resolves (never rejects) with code, response, headers and trailers.
 * @example
 * const out = await unaryCall(client, 'GetMe', {}, { authorization: `Bearer ${token}` });
 * expect(out.code).toBe(grpc.status.OK);
 */
export function unaryCall<C extends grpc.Client, Req, Res>(
  client: C,
  method: string,
  request: Req,
  headers: Record<string, string | string[]> | grpc.Metadata = {},
  options: grpc.CallOptions = {},
): Promise<UnaryOutcome<Res>> {
  const metadata = headers instanceof grpc.Metadata ? headers : toMetadata(headers);
  const fn = (client as unknown as Record<string, UnaryMethod<Req, Res>>)[method];
  if (typeof fn !== 'function') throw new TypeError(`unaryCall: client has no method ${method}`);
  return new Promise((resolve) => {
    let received = new grpc.Metadata();
    let result: { err: grpc.ServiceError | null; response?: Res } | undefined;
    let status: grpc.StatusObject | undefined;
    const settle = () => {
      if (!result || !status) return;
      resolve({
        code: status.code,
        details: status.details,
        ...(result.err ? {} : { response: result.response }),
        headers: received,
        trailers: status.metadata,
      });
    };
    const call = fn.call(client, request, metadata, options, (err, response) => {
      result = { err, response };
      settle();
    });
    call.on('metadata', (md: grpc.Metadata) => (received = md));
    call.on('status', (s: grpc.StatusObject) => {
      status = s;
      settle();
    });
  });
}

function toMetadata(headers: Record<string, string | string[]>): grpc.Metadata {
  const md = new grpc.Metadata();
  for (const [key, value] of Object.entries(headers)) {
    for (const v of Array.isArray(value) ? value : [value]) md.add(key, v);
  }
  return md;
}
