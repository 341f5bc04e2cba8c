import { status } from '@grpc/grpc-js';
import {
  CustomerNotFoundError,
  IdempotencyKeyReusedError,
  InvalidArgumentError,
  OrderNotFoundError,
  UpstreamError,
} from './domain/errors';
import { toStatus } from './errors';

describe('toStatus', () => {
  it('maps domain codes to statuses with the public message only', () => {
    expect(toStatus(new InvalidArgumentError('items[0].sku must match x'))).toEqual({
      code: status.INVALID_ARGUMENT,
      details: 'items[0].sku must match x',
    });
    expect(toStatus(new OrderNotFoundError())?.code).toBe(status.NOT_FOUND);
    expect(toStatus(new IdempotencyKeyReusedError())?.code).toBe(status.FAILED_PRECONDITION);
    expect(toStatus(new CustomerNotFoundError())).toEqual({
      code: status.FAILED_PRECONDITION,
      details: 'customer profile not found',
    });
    expect(toStatus(UpstreamError.unauthenticated())?.code).toBe(status.UNAUTHENTICATED);
    expect(toStatus(UpstreamError.unavailable())).toEqual({
      code: status.UNAVAILABLE,
      details: 'user-service unavailable',
    });
    expect(toStatus(UpstreamError.deadlineExceeded())?.code).toBe(status.DEADLINE_EXCEEDED);
    expect(toStatus(UpstreamError.cancelled())?.code).toBe(status.CANCELLED);
  });

  it('leaves unknown errors to unary() (INTERNAL "internal error")', () => {
    expect(toStatus(new Error('SQLITE_BUSY: secret path'))).toBeUndefined();
  });
});
