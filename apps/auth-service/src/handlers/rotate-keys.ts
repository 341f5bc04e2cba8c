import type { RotateKeysResponse } from '@jwt-mesh/contracts';
import { requireRole } from '@jwt-mesh/jwt-interceptor';
import { getCallLogger, unary } from '@jwt-mesh/service-kit';
import type { KeyRing } from '../domain/keys/key-ring';

/**
 * RotateKeys: bearer token with aud auth-service and role admin. Publishes the next key now; it signs
 * after KEY_PUBLISH_DELAY_SECONDS. Calling it again while a rotation is pending returns that rotation.
 */
export function rotateKeysHandler(keys: KeyRing) {
  return unary<unknown, RotateKeysResponse>(async (call) => {
    const admin = requireRole(call, 'admin');
    const r = await keys.rotate();
    getCallLogger(call).info(
      { sub: admin.subject, activeKid: r.activeKid, nextKid: r.nextKid },
      'key rotation requested',
    );
    return {
      active_kid: r.activeKid,
      next_kid: r.nextKid,
      activates_at: Math.floor(r.activatesAt / 1000),
    };
  });
}
