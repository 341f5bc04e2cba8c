/**
 * Stable error codes of user-service. `toStatus` (../errors.ts) maps them to gRPC statuses;
 * `publicMessage` is safe to send to a client.
 */
export type UserErrorCode = 'ERR_INVALID_ARGUMENT' | 'ERR_USER_NOT_FOUND' | 'ERR_PERMISSION_DENIED';

export class UserError extends Error {
  override name = 'UserError';
  constructor(
    readonly code: UserErrorCode,
    readonly publicMessage: string,
  ) {
    super(publicMessage);
  }
}

export class InvalidArgumentError extends UserError {
  override name = 'InvalidArgumentError';
  constructor(message: string) {
    super('ERR_INVALID_ARGUMENT', message);
  }
}

export class UserNotFoundError extends UserError {
  override name = 'UserNotFoundError';
  constructor() {
    super('ERR_USER_NOT_FOUND', 'user not found');
  }
}

export class PermissionDeniedError extends UserError {
  override name = 'PermissionDeniedError';
  constructor(message: string) {
    super('ERR_PERMISSION_DENIED', message);
  }
}
