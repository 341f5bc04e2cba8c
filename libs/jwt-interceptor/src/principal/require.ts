import { PermissionDeniedError } from '../errors/auth-error';
import type { Principal } from './principal';
import { type CallWithMetadata, getPrincipal } from './principal-store';

/**
 * The principal, if it holds at least one of `roles`; otherwise throws PermissionDeniedError
 * (PERMISSION_DENIED, "missing role <roles>"). Throw it from a service-kit `unary()` handler as is.
 *
 * @example
 * ```ts
 * const rotate = unary(async (call) => { requireRole(call, 'admin'); return keys.rotate(); });
 * ```
 */
export function requireRole(call: CallWithMetadata, ...roles: string[]): Principal {
  if (roles.length === 0) throw new TypeError('roles: name at least one role');
  const principal = getPrincipal(call);
  if (roles.some((r) => principal.roles.includes(r))) return principal;
  throw new PermissionDeniedError(`missing role ${roles.join(' or ')}`);
}

/**
 * The principal, if its scopes include `scope`; otherwise throws PermissionDeniedError
 * (PERMISSION_DENIED, "missing scope <scope>").
 *
 * @example
 * ```ts
 * requireScope(call, 'orders:read');
 * ```
 */
export function requireScope(call: CallWithMetadata, scope: string): Principal {
  if (typeof scope !== 'string' || scope.length === 0)
    throw new TypeError('scope: must be a non-empty string');
  const principal = getPrincipal(call);
  if (principal.scopes.includes(scope)) return principal;
  throw new PermissionDeniedError(`missing scope ${scope}`);
}
