import * as grpc from '@grpc/grpc-js';
import { getCallLogger } from '../logging/call-context';
import { MALFORMED_REQUEST_STATUS, isMalformedRequest } from './malformed-request';
import { isPublicError } from './rpc-error';

/** What a `toStatus` mapping returns for errors it knows. */
export interface MappedStatus {
  code: grpc.status;
  details: string;
  metadata?: grpc.Metadata;
}

/**
 * Wraps an async handler: calls back exactly once. A request that did not decode (see
 * `tolerateMalformedRequests`) gets INVALID_ARGUMENT "malformed request" and `fn` never runs. An error with numeric `grpcCode` + string
 * `publicMessage` is sent as is; otherwise `toStatus(err)`; otherwise INTERNAL "internal error" and the
 * error is logged with the call logger. Only `{ code, details }` objects reach grpc-js: an Error would
 * send its message to the client.
 * @example
 * getOrder: unary(async (call) => orders.get(call.request.order_id), toStatus),
 */
export function unary<Req, Res>(
  fn: (call: grpc.ServerUnaryCall<Req, Res>) => Promise<Res> | Res,
  toStatus?: (err: unknown) => MappedStatus | undefined,
): grpc.handleUnaryCall<Req, Res> {
  return (call, callback) => {
    let answered = false;
    const once: grpc.sendUnaryData<Res> = (err, value) => {
      if (answered) return;
      answered = true;
      if (err) callback(err);
      else callback(null, value);
    };
    const fail = (err: unknown) => once(statusFor(err, call, toStatus));
    // the bytes did not decode (startGrpcServer's deserializer): never hand that to fn
    if (isMalformedRequest(call.request)) return once(MALFORMED_REQUEST_STATUS);
    try {
      Promise.resolve(fn(call)).then(
        // grpc-js would fail to serialize a missing response with a message of its own
        (value) =>
          value == null ? fail(new TypeError('handler returned no response')) : once(null, value),
        fail,
      );
    } catch (err) {
      fail(err);
    }
  };
}

function statusFor<Req, Res>(
  err: unknown,
  call: grpc.ServerUnaryCall<Req, Res>,
  toStatus?: (err: unknown) => MappedStatus | undefined,
): Partial<grpc.StatusObject> {
  if (isPublicError(err)) return { code: err.grpcCode, details: err.publicMessage };
  try {
    const mapped = toStatus?.(err);
    if (mapped && Number.isInteger(mapped.code) && mapped.code !== grpc.status.OK) {
      return {
        code: mapped.code,
        details: String(mapped.details),
        ...(mapped.metadata ? { metadata: mapped.metadata } : {}),
      };
    }
  } catch (mapErr) {
    getCallLogger(call).error({ err: mapErr }, 'toStatus threw');
  }
  getCallLogger(call).error({ err }, 'unhandled error');
  return { code: grpc.status.INTERNAL, details: 'internal error' };
}
