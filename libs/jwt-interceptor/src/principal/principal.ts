import type { JWTPayload } from 'jose';
import { InvalidTokenError } from '../errors/auth-error';

/**
 * Who is calling, as proven by a verified token. Frozen; the raw token is deliberately absent.
 *
 * @example
 * ```ts
 * const { subject, roles } = getPrincipal(call);
 * ```
 */
export interface Principal {
  /** The subject claim (`sub` unless `subjectClaim` says otherwise). */
  readonly subject: string;
  /** From the roles claim (`roles` by default): an array of strings or a space-delimited string. */
  readonly roles: readonly string[];
  /** From `scope` (space-delimited) or `scp` (array). */
  readonly scopes: readonly string[];
  /** Every verified claim, deep-frozen. */
  readonly claims: Readonly<JWTPayload>;
}

/** Which claims feed the principal. */
export interface PrincipalClaims {
  subjectClaim: string;
  rolesClaim: string;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** Strings from a claim that is either a string list or a space-delimited string. */
function stringList(value: unknown, reason: string): readonly string[] {
  if (value === undefined) return Object.freeze([]);
  if (typeof value === 'string') return Object.freeze(value.split(' ').filter((s) => s.length > 0));
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) {
    return Object.freeze([...(value as string[])]);
  }
  // A malformed claim is refused rather than read as "no roles": the issuer is broken or forged.
  throw new InvalidTokenError(reason);
}

/**
 * Builds the principal from an already verified payload.
 *
 * @example
 * ```ts
 * const p = buildPrincipal(payload, { subjectClaim: 'sub', rolesClaim: 'roles' });
 * ```
 */
export function buildPrincipal(payload: JWTPayload, opts: PrincipalClaims): Principal {
  const subject = payload[opts.subjectClaim];
  if (typeof subject !== 'string' || subject.length === 0) {
    throw new InvalidTokenError('ERR_MISSING_SUBJECT');
  }
  const roles = stringList(payload[opts.rolesClaim], 'ERR_INVALID_ROLES');
  // RFC 8693/9068: `scope` is a space-delimited string; `scp` (Azure AD, Okta) may be a list.
  if (payload.scope !== undefined && typeof payload.scope !== 'string') {
    throw new InvalidTokenError('ERR_INVALID_SCOPE');
  }
  const scopes =
    payload.scope !== undefined
      ? stringList(payload.scope, 'ERR_INVALID_SCOPE')
      : stringList(payload.scp, 'ERR_INVALID_SCOPE');
  return Object.freeze({ subject, roles, scopes, claims: deepFreeze(structuredClone(payload)) });
}
