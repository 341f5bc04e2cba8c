/**
 * Stable error codes of order-service. Callers (and `toStatus` in ../errors.ts) switch on `code`;
 * `publicMessage` is safe to send to a client and never contains a token, a claim or a raw upstream message.
 */
export type OrderErrorCode =
  | 'ERR_INVALID_ARGUMENT'
  | 'ERR_ORDER_NOT_FOUND'
  | 'ERR_PERMISSION_DENIED'
  | 'ERR_ORDER_NOT_PENDING'
  | 'ERR_IDEMPOTENCY_KEY_REUSED'
  | 'ERR_CUSTOMER_NOT_FOUND'
  | 'ERR_UPSTREAM_UNAUTHENTICATED'
  | 'ERR_UPSTREAM_PERMISSION_DENIED'
  | 'ERR_UPSTREAM_UNAVAILABLE'
  | 'ERR_DEADLINE_EXCEEDED'
  | 'ERR_CANCELLED';

/** Base of every order-service domain error. */
export class OrderError extends Error {
  override name = 'OrderError';
  constructor(
    readonly code: OrderErrorCode,
    readonly publicMessage: string,
    options?: { cause?: unknown },
  ) {
    super(publicMessage, options);
  }
}

/** A request field is missing or malformed; the message names the field. */
export class InvalidArgumentError extends OrderError {
  override name = 'InvalidArgumentError';
  constructor(message: string) {
    super('ERR_INVALID_ARGUMENT', message);
  }
}

/** The order does not exist, or the caller may not see it (the two are indistinguishable on purpose). */
export class OrderNotFoundError extends OrderError {
  override name = 'OrderNotFoundError';
  constructor() {
    super('ERR_ORDER_NOT_FOUND', 'order not found');
  }
}

export class PermissionDeniedError extends OrderError {
  override name = 'PermissionDeniedError';
  constructor(message: string) {
    super('ERR_PERMISSION_DENIED', message);
  }
}

export class OrderNotPendingError extends OrderError {
  override name = 'OrderNotPendingError';
  constructor() {
    super('ERR_ORDER_NOT_PENDING', 'order is not pending');
  }
}

export class IdempotencyKeyReusedError extends OrderError {
  override name = 'IdempotencyKeyReusedError';
  constructor() {
    super('ERR_IDEMPOTENCY_KEY_REUSED', 'idempotency key reused with different items');
  }
}

/** user-service has no profile for the caller: the customer cannot order. */
export class CustomerNotFoundError extends OrderError {
  override name = 'CustomerNotFoundError';
  constructor() {
    super('ERR_CUSTOMER_NOT_FOUND', 'customer profile not found');
  }
}

/**
 * A call to user-service failed. The public message is ours, never user-service's text: only the
 * outcome class crosses to our caller.
 */
export class UpstreamError extends OrderError {
  override name = 'UpstreamError';
  static unauthenticated = () => new UpstreamError('ERR_UPSTREAM_UNAUTHENTICATED', 'invalid token');
  static permissionDenied = () =>
    new UpstreamError('ERR_UPSTREAM_PERMISSION_DENIED', 'permission denied by user-service');
  static unavailable = () =>
    new UpstreamError('ERR_UPSTREAM_UNAVAILABLE', 'user-service unavailable');
  static deadlineExceeded = () => new UpstreamError('ERR_DEADLINE_EXCEEDED', 'deadline exceeded');
  static cancelled = () => new UpstreamError('ERR_CANCELLED', 'cancelled');
}
