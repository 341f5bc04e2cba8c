import type { Metadata } from '@grpc/grpc-js';
import type pino from 'pino';
import { silentLogger } from './create-logger';
import { REQUEST_ID_HEADER, requestIdFrom } from './request-id';

/** What the logging interceptor knows about one call. */
export interface CallContext {
  readonly rpc: string;
  readonly requestId: string;
  readonly logger: pino.Logger;
  readonly subjectOf?: (metadata: Metadata) => string | undefined;
  /** The child logger with `sub`, made once auth has run. */
  withSub?: pino.Logger;
}

/**
 * Keyed by the call's incoming `Metadata`: grpc-js hands the handler that same object, and a header
 * could be forged by the client, a WeakMap entry cannot.
 */
const contexts = new WeakMap<Metadata, CallContext>();

export function setCallContext(metadata: Metadata, ctx: CallContext): void {
  contexts.set(metadata, ctx);
}

export function findCallContext(metadata: Metadata): CallContext | undefined {
  return contexts.get(metadata);
}

/** Anything that carries the call's incoming metadata: every grpc-js server call does. */
export type CallLike = { readonly metadata: Metadata };

let fallback: pino.Logger | undefined;

/**
 * The request id of this call. Without the logging interceptor it is read (or generated) the same
 * way and written into the metadata, so downstream calls still carry one id.
 * @example
 * const id = getRequestId(call);
 */
export function getRequestId(call: CallLike): string {
  const ctx = contexts.get(call.metadata);
  if (ctx) return ctx.requestId;
  const id = requestIdFrom(call.metadata);
  call.metadata.set(REQUEST_ID_HEADER, id);
  return id;
}

/**
 * The per-call child logger `{ rpc, requestId }`, plus `sub` once auth has identified the caller.
 * Without the logging interceptor it is a silent logger, so handlers never need a null check.
 * @example
 * getCallLogger(call).info({ orderId }, 'order created');
 */
export function getCallLogger(call: CallLike): pino.Logger {
  const ctx = contexts.get(call.metadata);
  if (!ctx) return (fallback ??= silentLogger());
  if (ctx.withSub) return ctx.withSub;
  const sub = subjectSafely(ctx, call.metadata);
  if (sub === undefined) return ctx.logger;
  ctx.withSub = ctx.logger.child({ sub });
  return ctx.withSub;
}

/** `subjectOf` is app code; a throw there must not break logging. */
export function subjectSafely(ctx: CallContext, metadata: Metadata): string | undefined {
  try {
    const sub = ctx.subjectOf?.(metadata);
    return typeof sub === 'string' && sub !== '' ? sub : undefined;
  } catch {
    return undefined;
  }
}
