// A bare HTTP/2 gRPC unary call, for what an attacker's client would send regardless of the
// server's SETTINGS (e.g. a header list over 64 KiB). Node's http2 client still refuses some
// requests itself (two values of a single-value header such as `authorization`): then the promise
// rejects with node's error, so a refusal on our side can never pass for the server's answer.
import * as http2 from 'node:http2';

export interface RawResult {
  /** `grpc-status` from trailers (or headers for trailers-only), or undefined if the stream was reset. */
  grpcStatus: number | undefined;
  grpcMessage: string | undefined;
  /** RST_STREAM code when the stream was reset instead. */
  rstCode: number | undefined;
}

/**
 * Sends one JSON request message with extra request headers and collects the status.
 * Rejects (with node's error, e.g. `code: 'ERR_HTTP2_HEADER_SINGLE_VALUE'`) when node's client
 * refuses to send the request at all.
 */
export function rawGrpcCall(
  address: string,
  path: string,
  headers: Record<string, string | string[]>,
  request: unknown = {},
): Promise<RawResult> {
  return new Promise((resolve, reject) => {
    const session = http2.connect(`http://${address}`, {
      maxSendHeaderBlockLength: Number.MAX_SAFE_INTEGER,
    } as http2.ClientSessionOptions);
    session.on('error', () => undefined);
    const payload = Buffer.from(JSON.stringify(request));
    const frame = Buffer.alloc(5 + payload.length);
    frame.writeUInt32BE(payload.length, 1);
    payload.copy(frame, 5);
    const result: RawResult = { grpcStatus: undefined, grpcMessage: undefined, rstCode: undefined };
    const take = (h: http2.IncomingHttpHeaders): void => {
      if (h['grpc-status'] !== undefined) {
        result.grpcStatus = Number(h['grpc-status']);
        result.grpcMessage = decodeURIComponent(String(h['grpc-message'] ?? ''));
      }
    };
    let stream: http2.ClientHttp2Stream;
    try {
      stream = session.request({
        ':method': 'POST',
        ':path': path,
        'content-type': 'application/grpc',
        te: 'trailers',
        ...headers,
      });
    } catch (err) {
      session.close();
      reject(err as Error); // node's own TypeError (another realm than jest's Error)
      return;
    }
    stream.on('response', take);
    stream.on('trailers', take);
    stream.on('error', () => undefined);
    stream.on('data', () => undefined);
    stream.on('close', () => {
      if (result.grpcStatus === undefined) result.rstCode = stream.rstCode;
      session.close();
      resolve(result);
    });
    stream.end(frame);
  });
}
