import type { LoginRequest__Output, TokenResponse } from '@jwt-mesh/contracts';
import { getCallLogger, unary } from '@jwt-mesh/service-kit';
import type { Sessions } from '../domain/sessions';
import { toTokenResponse } from './token-response';

/** Login: public. UNAUTHENTICATED "invalid credentials" for unknown user and wrong password alike. */
export function loginHandler(sessions: Sessions) {
  return unary<LoginRequest__Output, TokenResponse>(async (call) =>
    toTokenResponse(
      await sessions.login(call.request.username, call.request.password, getCallLogger(call)),
    ),
  );
}
