import type { KeyObject } from 'node:crypto';
import { InvalidTokenError, type KeySet } from '@jwt-mesh/jwt-interceptor';
import type { KeyRing } from './domain/keys/key-ring';

/**
 * jwt-interceptor's KeySet backed by the service's own key ring: RotateKeys tokens are verified
 * against the currently published public keys in memory, with no HTTP round trip to ourselves,
 * and a rotation is seen at once.
 */
export function ownKeySet(ring: KeyRing): KeySet {
  return {
    ready: () => Promise.resolve(true),
    close: () => undefined,
    stats: () => ({
      keys: ring.publicJwks().keys.length,
      fetches: 0,
      fetchFailures: 0,
      loaded: true,
    }),
    getKey({ alg, kid }): Promise<KeyObject> {
      const k = kid === undefined ? undefined : ring.publicKey(kid);
      if (!k || k.alg !== alg)
        return Promise.reject(new InvalidTokenError('ERR_JWKS_NO_MATCHING_KEY'));
      return Promise.resolve(k.key);
    },
  };
}
