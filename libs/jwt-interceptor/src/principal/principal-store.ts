import { Metadata } from '@grpc/grpc-js';
import type { Principal } from './principal';

// Keyed by the incoming Metadata object: grpc-js hands the handler that same object, a client cannot
// forge it, and it dies with the call.
const principals = new WeakMap<Metadata, Principal>();

/**
 * Anything with the call's incoming metadata: every grpc-js server call object fits.
 *
 * @example
 * ```ts
 * const who = (call: CallWithMetadata) => getPrincipal(call).subject;
 * ```
 */
export interface CallWithMetadata {
  readonly metadata: Metadata;
}

/** @internal Records the principal for a call; only the server interceptor calls this. */
export function setPrincipal(metadata: Metadata, principal: Principal): void {
  principals.set(metadata, principal);
}

/**
 * The principal of a call, or `undefined` when the call was not verified (exempt method, no
 * interceptor). Meant for logging `sub`; handlers should use {@link getPrincipal}.
 *
 * @example
 * ```ts
 * const sub = findPrincipal(call)?.subject;
 * ```
 */
export function findPrincipal(callOrMetadata: CallWithMetadata | Metadata): Principal | undefined {
  if (callOrMetadata instanceof Metadata) return principals.get(callOrMetadata);
  const metadata = (callOrMetadata as Partial<CallWithMetadata> | null)?.metadata;
  return metadata instanceof Metadata ? principals.get(metadata) : undefined;
}

/**
 * The verified principal of a call. Throws a plain `Error` when the auth interceptor did not run
 * for this call: that is a wiring bug (exempt method or missing interceptor), not a client error.
 *
 * @example
 * ```ts
 * const getMe = unary(async (call) => users.get(getPrincipal(call).subject));
 * ```
 */
export function getPrincipal(call: CallWithMetadata): Principal {
  const principal = findPrincipal(call);
  if (!principal) {
    throw new Error(
      'getPrincipal: no verified principal for this call; is createAuthServerInterceptor installed ' +
        'and the method not exempted by skip?',
    );
  }
  return principal;
}
