import * as grpc from '@grpc/grpc-js';
import type { Principal } from '@jwt-mesh/jwt-interceptor';
// Bench only: the lib keeps setPrincipal internal on purpose (only its interceptor may vouch for a
// caller). The no-auth baseline must hand handlers a principal without checking anything, so it
// reaches into the lib's source; esbuild bundles that file once, so it is the same WeakMap.
import { setPrincipal } from '../../../libs/jwt-interceptor/src/principal/principal-store';

/**
 * The no-auth baseline: every call gets the same fixed principal and nothing is read or checked.
 * Exists only in the bench's own entry points (injected through `authInterceptor`).
 */
export function createNoAuthInterceptor(
  subject: string,
  roles: readonly string[],
): grpc.ServerInterceptor {
  const principal: Principal = Object.freeze({
    subject,
    roles: Object.freeze([...roles]),
    scopes: Object.freeze([]),
    claims: Object.freeze({ sub: subject }),
  });
  const listener = {
    onReceiveMetadata: (metadata: grpc.Metadata, next: (m: grpc.Metadata) => void) => {
      setPrincipal(metadata, principal);
      next(metadata);
    },
  };
  return (_method, call) =>
    new grpc.ServerInterceptingCall(call, { start: (next) => next(listener) });
}
