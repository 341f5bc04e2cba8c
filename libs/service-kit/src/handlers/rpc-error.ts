import { status } from '@grpc/grpc-js';

/** The shape `unary()` sends as is: a gRPC code and a message meant for the client. */
export interface PublicError {
  readonly grpcCode: number;
  readonly publicMessage: string;
}

/**
 * The one error type that crosses the wire. Subclass it for domain errors; the Error `message` is the
 * public message too, so even a raw hand-off to grpc-js leaks nothing else.
 * @example
 * class OrderNotFound extends RpcError {
 *   readonly code = 'ERR_ORDER_NOT_FOUND';
 *   constructor(id: string) { super(grpc.status.NOT_FOUND, `order ${id} not found`); }
 * }
 */
export class RpcError extends Error implements PublicError {
  constructor(
    readonly grpcCode: status,
    readonly publicMessage: string,
    options?: { cause?: unknown },
  ) {
    super(publicMessage, options);
    this.name = new.target.name;
  }
}

/**
 * True for RpcError and anything shaped like it (jwt-interceptor's AuthError, app errors), with a
 * real error code (1..16).
 * @example
 * if (isPublicError(err)) callback({ code: err.grpcCode, details: err.publicMessage });
 */
export function isPublicError(err: unknown): err is PublicError {
  if (typeof err !== 'object' || err === null) return false;
  const { grpcCode, publicMessage } = err as Partial<PublicError>;
  // OK (0) is not an error; numbers beyond the table would confuse clients.
  return (
    typeof publicMessage === 'string' &&
    Number.isInteger(grpcCode) &&
    (grpcCode as number) > status.OK &&
    (grpcCode as number) <= status.UNAUTHENTICATED
  );
}
