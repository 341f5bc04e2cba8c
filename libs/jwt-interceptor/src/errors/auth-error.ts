import { status } from '@grpc/grpc-js';

/**
 * Base class of every error this library throws on purpose. `code` is stable (switch on it),
 * `grpcCode` + `publicMessage` are what crosses the wire; `message` never holds token text.
 *
 * @example
 * ```ts
 * try { requireRole(call, 'admin'); } catch (err) {
 *   if (err instanceof AuthError) callback({ code: err.grpcCode, details: err.publicMessage });
 * }
 * ```
 */
export class AuthError extends Error {
  /** Stable machine-readable code, e.g. `ERR_INVALID_TOKEN`. */
  readonly code: string;
  /** The gRPC status code the call ends with. */
  readonly grpcCode: number;
  /** The fixed text sent as status details. Never holds claim values or token text. */
  readonly publicMessage: string;

  constructor(code: string, grpcCode: number, publicMessage: string, message = publicMessage) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.grpcCode = grpcCode;
    this.publicMessage = publicMessage;
  }
}

/**
 * No usable `authorization: Bearer <token>` value: absent, another scheme, empty, or sent twice.
 *
 * @example
 * ```ts
 * throw new MissingTokenError('ERR_SCHEME');
 * ```
 */
export class MissingTokenError extends AuthError {
  /** Why the header was refused (for counters and logs, never sent). */
  readonly reason: string;
  constructor(reason = 'ERR_MISSING_TOKEN') {
    super(
      'ERR_MISSING_TOKEN',
      status.UNAUTHENTICATED,
      'missing bearer token',
      `missing bearer token (${reason})`,
    );
    this.reason = reason;
  }
}

/**
 * The token was present but refused. `reason` is a jose error code (`ERR_JWT_EXPIRED`) or ours
 * (`ERR_ALG_NOT_ALLOWED`, `ERR_TOKEN_TOO_LONG`, ...); the client only ever sees "invalid token".
 *
 * @example
 * ```ts
 * throw new InvalidTokenError('ERR_TYP_MISMATCH');
 * ```
 */
export class InvalidTokenError extends AuthError {
  /** Why the token was refused (for counters and logs, never sent). */
  readonly reason: string;
  constructor(reason: string) {
    super(
      'ERR_INVALID_TOKEN',
      status.UNAUTHENTICATED,
      'invalid token',
      `invalid token (${reason})`,
    );
    this.reason = reason;
  }
}

/**
 * Authenticated but not allowed. The public message names the missing role or scope, which the
 * caller already knows from the API contract; it never echoes the caller's claims.
 *
 * @example
 * ```ts
 * throw new PermissionDeniedError('missing role admin');
 * ```
 */
export class PermissionDeniedError extends AuthError {
  constructor(publicMessage = 'permission denied') {
    super('ERR_PERMISSION_DENIED', status.PERMISSION_DENIED, publicMessage);
  }
}

/**
 * No verification key has ever been loaded (JWKS unreachable since start). The caller should retry,
 * so this is UNAVAILABLE rather than UNAUTHENTICATED.
 *
 * @example
 * ```ts
 * if (!loaded) throw new KeysUnavailableError();
 * ```
 */
export class KeysUnavailableError extends AuthError {
  constructor() {
    super('ERR_KEYS_UNAVAILABLE', status.UNAVAILABLE, 'authentication keys unavailable');
  }
}

/** Reason string of an error for counters: our own reason, or a jose `ERR_*` code. */
export function reasonOf(err: unknown): string {
  if (err instanceof MissingTokenError || err instanceof InvalidTokenError) return err.reason;
  if (err instanceof AuthError) return err.code;
  const code = (err as { code?: unknown } | null)?.code;
  // jose codes are a fixed set; anything else (DOMException numbers, odd strings) is lumped together.
  if (typeof code === 'string' && /^ERR_[A-Z0-9_]{1,48}$/.test(code)) return code;
  return 'ERR_MALFORMED';
}
