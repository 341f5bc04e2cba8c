import * as grpc from '@grpc/grpc-js';
import type pino from 'pino';
import { type CallContext, setCallContext, subjectSafely } from './call-context';
import { type RpcLogLevel, codeName, levelForCode } from './level-by-code';
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
    let listening = false;
    let responded = false;
    let finished = false;
    let wireCode: number | undefined;

    /** `undefined`: the call ended in a way this interceptor cannot see (see `watchWire`). */
    const finish = (code: number | undefined, endedByGrpcJs = false): void => {
      if (finished) return;
      finished = true;
      try {
        const log = ctx?.logger ?? logger.child({ rpc });
        const sub = ctx && incoming ? subjectSafely(ctx, incoming) : undefined;
        const durationMs = Math.round((performance.now() - started) * 100) / 100;
        if (code === undefined) {
          log.warn({ ...(sub ? { sub } : {}), code: 'UNKNOWN_END', durationMs }, 'rpc finished');
          return;
        }
        let level: RpcLogLevel | 'debug' =
          code === grpc.status.OK && quiet?.(rpc) ? 'debug' : levelForCode(code);
        // grpc-js ended the call over the request itself (size, framing, compression, headers)
        // before any response: the client's doing, and anyone can send it. Not an alert.
        if (endedByGrpcJs && !responded && level === 'error') level = 'warn';
        log[level](
          {
            ...(sub ? { sub } : {}),
            code: codeName(code),
            grpcCode: code,
            ...(endedByGrpcJs ? { endedBy: 'grpc-js' } : {}),
            durationMs,
          },
          'rpc finished',
        );
      } catch {
        // logging must never take the call (or the process) down
      }
    };
    const seesWire = watchWire(call, (code) => {
      wireCode ??= code;
      // ended before start: grpc-js never calls onCancel on a listener it was not given
      if (!listening) finish(code, true);
    });

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
        // Reached after every call; only counts when no status passed us. grpc-js's own ends
        // (limits, bad bytes or headers, its deadline timer) reach only the wire; with none there
        // either, the client went away.
        if (wireCode !== undefined) finish(wireCode, true);
        else if (deadlinePassed(call)) finish(grpc.status.DEADLINE_EXCEEDED);
        else finish(seesWire ? grpc.status.CANCELLED : undefined);
      })
      .build();

    const responder = new grpc.ResponderBuilder()
      .withStart((next) => {
        listening = true;
        next(listener);
      })
      .withSendMetadata((metadata, next) => {
        try {
          if (ctx) metadata.set(REQUEST_ID_HEADER, ctx.requestId);
          headersSent = true;
        } catch {
          // send the headers without the id rather than not at all
        }
        next(metadata);
      })
      .withSendMessage((message, next) => {
        responded = true;
        next(message);
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

/**
 * Reports every status grpc-js puts on the wire, including the ones it sends itself from below the
 * interceptors (message over the size limit, undecodable or badly compressed message, bad
 * grpc-timeout, its deadline timer): those go through `this.sendStatus` of the base call and never
 * through a responder, so without this they would end in onCancel and be logged as CANCELLED.
 * interceptors[0] is handed that base call (grpc-js 1.14); an own `sendStatus` property on it sees
 * those self-calls. Returns false when `call` is another interceptor's call (we are not first), where
 * nothing below is observable. Pinned by rpc-logging-ends.spec.ts.
 */
function watchWire(call: grpc.ServerInterceptingCallInterface, onCode: (code: number) => void) {
  if (call instanceof grpc.ServerInterceptingCall) return false;
  try {
    const send = call.sendStatus.bind(call);
    const watched: typeof call.sendStatus = (status) => {
      try {
        onCode(status.code);
      } catch {
        // the status must go out whatever happened here
      }
      send(status);
    };
    Object.defineProperty(call, 'sendStatus', {
      value: watched,
      configurable: true,
      writable: true,
    });
    return true;
  } catch {
    return false;
  }
}

// A client cancels with RST_STREAM when its own deadline fires, which can land a little before ours:
// our deadline counts grpc-timeout from when the headers arrived, not from when they were sent.
const DEADLINE_SLACK_MS = 100;

function deadlinePassed(call: grpc.ServerInterceptingCallInterface): boolean {
  try {
    const deadline = call.getDeadline();
    const at = deadline instanceof Date ? deadline.getTime() : deadline;
    return Number.isFinite(at) && at - DEADLINE_SLACK_MS <= Date.now();
  } catch {
    return false;
  }
}
