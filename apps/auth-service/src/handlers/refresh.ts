import type { RefreshRequest__Output, TokenResponse } from '@jwt-mesh/contracts';
import { getCallLogger, unary } from '@jwt-mesh/service-kit';
import type { Sessions } from '../domain/sessions';
import { toTokenResponse } from './token-response';

/** Refresh: public. Spends the refresh token and returns a new pair; reuse revokes the family. */
export function refreshHandler(sessions: Sessions) {
  return unary<RefreshRequest__Output, TokenResponse>(async (call) =>
    toTokenResponse(await sessions.refresh(call.request.refresh_token, getCallLogger(call))),
  );
}
