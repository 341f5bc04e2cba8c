import type { ServerUnaryCall } from '@grpc/grpc-js';
import type { User } from '@jwt-mesh/contracts';
import { getPrincipal } from '@jwt-mesh/jwt-interceptor';
import type { Caller, UserProfile } from '../domain/user';

/** The domain's view of the verified caller; roles come from the token. */
export function callerOf(call: ServerUnaryCall<unknown, unknown>): Caller {
  const p = getPrincipal(call);
  return { subject: p.subject, isAdmin: p.roles.includes('admin') };
}

export function toUserMessage(u: UserProfile): User {
  return {
    id: u.id,
    username: u.username,
    display_name: u.displayName,
    email: u.email,
    roles: [...u.roles],
  };
}
