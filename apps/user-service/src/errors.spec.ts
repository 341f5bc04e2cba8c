import { status } from '@grpc/grpc-js';
import { InvalidArgumentError, PermissionDeniedError, UserNotFoundError } from './domain/errors';
import { toStatus } from './errors';

describe('toStatus', () => {
  it('maps domain codes to statuses with the public message only', () => {
    expect(toStatus(new InvalidArgumentError('user_id is required'))).toEqual({
      code: status.INVALID_ARGUMENT,
      details: 'user_id is required',
    });
    expect(toStatus(new UserNotFoundError())).toEqual({
      code: status.NOT_FOUND,
      details: 'user not found',
    });
    expect(toStatus(new PermissionDeniedError('no'))?.code).toBe(status.PERMISSION_DENIED);
    expect(toStatus(new Error('boom'))).toBeUndefined();
  });
});
