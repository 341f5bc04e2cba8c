import type { TokenResponse } from '@jwt-mesh/contracts';
import type { TokenPair } from '../domain/sessions';

export function toTokenResponse(p: TokenPair): TokenResponse {
  return {
    access_token: p.accessToken,
    token_type: 'Bearer',
    expires_in: p.expiresIn,
    refresh_token: p.refreshToken,
    refresh_expires_in: p.refreshExpiresIn,
  };
}
