import { status } from '@grpc/grpc-js';
import { UserError, type UserErrorCode } from './domain/errors';

const STATUS_OF: Readonly<Record<UserErrorCode, status>> = Object.freeze({
  ERR_INVALID_ARGUMENT: status.INVALID_ARGUMENT,
  ERR_USER_NOT_FOUND: status.NOT_FOUND,
  ERR_PERMISSION_DENIED: status.PERMISSION_DENIED,
});

/**
 * The one place where user-service errors become gRPC statuses. Anything else is left to
 * service-kit's `unary()` (INTERNAL "internal error", logged).
 * @example
 * toStatus(new UserNotFoundError()); // { code: status.NOT_FOUND, details: 'user not found' }
 */
export function toStatus(err: unknown): { code: status; details: string } | undefined {
  if (err instanceof UserError) return { code: STATUS_OF[err.code], details: err.publicMessage };
  return undefined;
}
