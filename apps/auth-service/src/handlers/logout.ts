import type { LogoutRequest__Output } from '@jwt-mesh/contracts';
import { getCallLogger, unary } from '@jwt-mesh/service-kit';
import type { Sessions } from '../domain/sessions';

/** Logout: public. Revokes the refresh token's family; OK for an unknown token too (RFC 7009). */
export function logoutHandler(sessions: Sessions) {
  return unary<LogoutRequest__Output, Record<string, never>>(async (call) => {
    await sessions.logout(call.request.refresh_token, getCallLogger(call));
    return {};
  });
}
