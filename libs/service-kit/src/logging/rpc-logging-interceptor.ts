import * as grpc from '@grpc/grpc-js';
import type pino from 'pino';
import { type CallContext, setCallContext, subjectSafely } from './call-context';
import { codeName, levelForCode } from './level-by-code';
import { REQUEST_ID_HEADER, requestIdFrom } from './request-id';

export interface RpcLoggingOptions {
  /** The root logger; each call gets a child `{ rpc, requestId }`. */
  logger: pino.Logger;
  /** The caller's subject once auth has run, e.g. `(md) => findPrincipal(md)?.subject`. */
  subjectOf?: (metadata: grpc.Metadata) => string | undefined;
  /** Methods whose OK lines drop to `debug` (health probes every few seconds would drown the log). */
  quiet?: (methodPath: string) => boolean;
}

/**
 * A grpc-js server interceptor that gives every call a request id and logs one `rpc finished` line
 * `{ rpc, requestId, sub?, code: 'OK', grpcCode: 0, durationMs }` at a level chosen by the code.
 *
 * The id comes from one valid `x-request-id` or is generated; it is written INTO the incoming metadata
 * (handlers and the token-propagating client interceptor then forward the same id) and echoed in the
 * response headers, or in the trailers when no headers were sent (trailers-only error responses).
 *
 * Put it FIRST in grpc-js's `interceptors` array (startGrpcServer does): grpc-js 1.14 wraps the base
 * call with interceptors[0] first, so the first one sits nearest the wire. It sees the metadata
 * before any other interceptor and every status last, including a status an auth interceptor sends
 * on its inner call to reject a request (the handler never runs, and we still log UNAUTHENTICATED).
 *
 * Every hook is guarded: a synchronous throw inside a grpc-js server interceptor crashes the process.
 * Metadata and messages are never logged.
 * @example
 * new grpc.Server({ interceptors: [createRpcLoggingInterceptor({ logger }), authInterceptor] });
 */
export function createRpcLoggingInterceptor(o: RpcLoggingOptions): grpc.ServerInterceptor {
  if (!o?.logger) throw new TypeError('createRpcLoggingInterceptor: logger is required');
  const { logger, subjectOf, quiet } = o;
  return (method, call) => {
    const rpc = method.path;
    const started = performance.now();
    let ctx: CallContext | undefined;
    let incoming: grpc.Metadata | undefined;
    let headersSent = false;
    let finished = false;

    const finish = (code: number): void => {
      if (finished) return;
      finished = true;
      try {
        const log = ctx?.logger ?? logger.child({ rpc });
        const sub = ctx && incoming ? subjectSafely(ctx, incoming) : undefined;
        const level = code === grpc.status.OK && quiet?.(rpc) ? 'debug' : levelForCode(code);
        const durationMs = Math.round((performance.now() - started) * 100) / 100;
        log[level](
          { ...(sub ? { sub } : {}), code: codeName(code), grpcCode: code, durationMs },
          'rpc finished',
        );
      } catch {
        // logging must never take the call (or the process) down
      }
    };

    const listener = new grpc.ServerListenerBuilder()
      .withOnReceiveMetadata((metadata, next) => {
        try {
          const requestId = requestIdFrom(metadata);
          metadata.set(REQUEST_ID_HEADER, requestId);
          ctx = { rpc, requestId, logger: logger.child({ rpc, requestId }), subjectOf };
          incoming = metadata;
          setCallContext(metadata, ctx);
        } catch {
          // fall through with the metadata as received
        }
        next(metadata);
      })
      .withOnCancel(() => {
        // Reached after every call; only counts when no status passed us: the client cancelled, or
        // grpc-js itself answered DEADLINE_EXCEEDED below this interceptor.
        finish(deadlinePassed(call) ? grpc.status.DEADLINE_EXCEEDED : grpc.status.CANCELLED);
      })
      .build();

    const responder = new grpc.ResponderBuilder()
      .withStart((next) => next(listener))
      .withSendMetadata((metadata, next) => {
        try {
          if (ctx) metadata.set(REQUEST_ID_HEADER, ctx.requestId);
          headersSent = true;
        } catch {
          // send the headers without the id rather than not at all
        }
        next(metadata);
      })
      .withSendStatus((status, next) => {
        let out = status;
        try {
          if (ctx && !headersSent) {
            const trailers = status.metadata?.clone() ?? new grpc.Metadata();
            trailers.set(REQUEST_ID_HEADER, ctx.requestId);
            out = { ...status, metadata: trailers };
          }
          finish(status.code);
        } catch {
          // the status must go out whatever happened here
        }
        next(out);
      })
      .build();

    return new grpc.ServerInterceptingCall(call, responder);
  };
}

function deadlinePassed(call: grpc.ServerInterceptingCallInterface): boolean {
  try {
    const deadline = call.getDeadline();
    const at = deadline instanceof Date ? deadline.getTime() : deadline;
    return Number.isFinite(at) && at <= Date.now();
  } catch {
    return false;
  }
}
