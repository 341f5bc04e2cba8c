import type { GetJwksResponse } from '@jwt-mesh/contracts';
import { unary } from '@jwt-mesh/service-kit';
import type { KeyRing } from '../domain/keys/key-ring';

/** GetJwks: public. The same document as GET /.well-known/jwks.json. */
export function getJwksHandler(keys: KeyRing) {
  return unary<unknown, GetJwksResponse>(async () => ({
    jwks_json: JSON.stringify(keys.publicJwks()),
  }));
}
