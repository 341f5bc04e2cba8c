import type { ServerUnaryCall } from '@grpc/grpc-js';
import type { User } from '@jwt-mesh/contracts';
import { UserNotFoundError } from '../domain/errors';
import type { UserStore } from '../store/user-store';
import { callerOf, toUserMessage } from './user-message';

/** The caller's own profile (the token's subject); NOT_FOUND if there is none. */
export function getMe(deps: { store: UserStore }) {
  return async (call: ServerUnaryCall<unknown, User>): Promise<User> => {
    const profile = deps.store.findById(callerOf(call).subject);
    if (!profile) throw new UserNotFoundError();
    return toUserMessage(profile);
  };
}
