import type { ServerUnaryCall } from '@grpc/grpc-js';
import type { GetUserRequest__Output, User } from '@jwt-mesh/contracts';
import { UserNotFoundError } from '../domain/errors';
import { assertMayReadUser, validateUserId } from '../domain/user';
import type { UserStore } from '../store/user-store';
import { callerOf, toUserMessage } from './user-message';

/** Self, or anyone for an admin; another customer's id is PERMISSION_DENIED before any lookup. */
export function getUser(deps: { store: UserStore }) {
  return async (call: ServerUnaryCall<GetUserRequest__Output, User>): Promise<User> => {
    const caller = callerOf(call);
    const id = validateUserId(call.request.user_id);
    assertMayReadUser(caller, id);
    const profile = deps.store.findById(id);
    if (!profile) throw new UserNotFoundError();
    return toUserMessage(profile);
  };
}
