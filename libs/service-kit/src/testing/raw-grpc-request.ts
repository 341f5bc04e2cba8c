import * as http2 from 'node:http2';

/** What came back for one raw request. `grpcStatus` is `undefined` if the stream ended without one. */
export interface RawGrpcOutcome {
  grpcStatus?: number;
  grpcMessage?: string;
  headers: http2.IncomingHttpHeaders;
  trailers: http2.IncomingHttpHeaders;
}

export interface RawGrpcRequest {
  /** `host:port`, e.g. `RunningServer.address`. */
  address: string;
  /** The full method path, e.g. `/mesh.order.v1.OrderService/CreateOrder`. */
  path: string;
  /** Extra request headers, sent as given: values grpc-js's client would refuse are the point. */
  headers?: http2.OutgoingHttpHeaders;
  /** Length-prefixed messages (see `grpcFrame`); none sends only headers and END_STREAM. */
  body?: Buffer;
}

/**
 * One gRPC request over a plain `node:http2` session, for inputs the grpc-js client cannot produce
 * (illegal header bytes, undecodable messages, odd framing). Resolves (never rejects) on stream close.
 * @example
 * const out = await rawGrpcRequest({ address, path, headers: { authorization: 'Bearer\u00a0x' } });
 * expect(out.grpcStatus).toBe(grpc.status.UNAUTHENTICATED);
 */
export function rawGrpcRequest(r: RawGrpcRequest): Promise<RawGrpcOutcome> {
  return new Promise((resolve, reject) => {
    const session = http2.connect(`http://${r.address}`);
    session.on('error', reject);
    const out: RawGrpcOutcome = { headers: {}, trailers: {} };
    const stream = session.request({
      ':method': 'POST',
      ':path': r.path,
      'content-type': 'application/grpc',
      te: 'trailers',
      ...r.headers,
    });
    const take = (h: http2.IncomingHttpHeaders) => {
      if (h['grpc-status'] !== undefined) out.grpcStatus = Number(h['grpc-status']);
      if (h['grpc-message'] !== undefined) {
        out.grpcMessage = decodeURIComponent(String(h['grpc-message']));
      }
    };
    stream.on('response', (h) => {
      out.headers = h;
      take(h);
    });
    stream.on('trailers', (h) => {
      out.trailers = h;
      take(h);
    });
    stream.on('data', () => undefined);
    stream.on('error', () => undefined); // a reset still resolves: the caller asserts grpcStatus
    stream.on('close', () => {
      session.close();
      resolve(out);
    });
    stream.end(r.body ?? Buffer.alloc(0));
  });
}

/**
 * Wraps bytes in gRPC's 5-byte length prefix (uncompressed).
 * @example
 * rawGrpcRequest({ address, path, body: grpcFrame(Buffer.from([0x0f])) });
 */
export function grpcFrame(payload: Buffer): Buffer {
  const prefix = Buffer.alloc(5);
  prefix.writeUInt32BE(payload.length, 1);
  return Buffer.concat([prefix, payload]);
}
