import { status } from '@grpc/grpc-js';
import { OrderError, type OrderErrorCode } from './domain/errors';

const STATUS_OF: Readonly<Record<OrderErrorCode, status>> = Object.freeze({
  ERR_INVALID_ARGUMENT: status.INVALID_ARGUMENT,
  ERR_ORDER_NOT_FOUND: status.NOT_FOUND,
  ERR_PERMISSION_DENIED: status.PERMISSION_DENIED,
  ERR_ORDER_NOT_PENDING: status.FAILED_PRECONDITION,
  ERR_IDEMPOTENCY_KEY_REUSED: status.FAILED_PRECONDITION,
  ERR_CUSTOMER_NOT_FOUND: status.FAILED_PRECONDITION,
  ERR_UPSTREAM_UNAUTHENTICATED: status.UNAUTHENTICATED,
  ERR_UPSTREAM_PERMISSION_DENIED: status.PERMISSION_DENIED,
  ERR_UPSTREAM_UNAVAILABLE: status.UNAVAILABLE,
  ERR_DEADLINE_EXCEEDED: status.DEADLINE_EXCEEDED,
  ERR_CANCELLED: status.CANCELLED,
});

/**
 * The one place where order-service errors become gRPC statuses. Anything it does not know is left
 * to service-kit's `unary()`, which sends INTERNAL "internal error" and logs the error.
 * @example
 * toStatus(new OrderNotFoundError()); // { code: status.NOT_FOUND, details: 'order not found' }
 */
export function toStatus(err: unknown): { code: status; details: string } | undefined {
  if (err instanceof OrderError) return { code: STATUS_OF[err.code], details: err.publicMessage };
  return undefined;
}
