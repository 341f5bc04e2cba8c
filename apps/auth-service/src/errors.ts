import { status } from '@grpc/grpc-js';

/**
 * Base of every error the auth service means a client to see. `grpcCode` + `publicMessage` let
 * service-kit's `unary()` send it as is; `code` is stable for callers and tests (jose's pattern).
 * The public message is a constant: never a token, password, hash or raw internal message.
 */
export abstract class AuthServiceError extends Error {
  abstract readonly code: string;
  abstract readonly grpcCode: status;
  readonly publicMessage: string;

  constructor(publicMessage: string) {
    super(publicMessage);
    this.name = new.target.name;
    this.publicMessage = publicMessage;
  }
}

/** A request field is missing, malformed or absurdly long. The message names the field only. */
export class InvalidArgumentError extends AuthServiceError {
  readonly code = 'ERR_INVALID_ARGUMENT';
  readonly grpcCode = status.INVALID_ARGUMENT;
  constructor(
    readonly field: string,
    reason = 'is invalid',
  ) {
    super(`${field} ${reason}`);
  }
}

/** Unknown user or wrong password: the same status and message for both. */
export class InvalidCredentialsError extends AuthServiceError {
  readonly code = 'ERR_INVALID_CREDENTIALS';
  readonly grpcCode = status.UNAUTHENTICATED;
  constructor() {
    super('invalid credentials');
  }
}

/**
 * Too many failed logins for one username. RESOURCE_EXHAUSTED (not UNAUTHENTICATED) so that a
 * client backs off instead of retrying; it applies to unknown usernames too, so it reveals nothing.
 */
export class LoginThrottledError extends AuthServiceError {
  readonly code = 'ERR_LOGIN_THROTTLED';
  readonly grpcCode = status.RESOURCE_EXHAUSTED;
  constructor(readonly retryAfterSeconds: number) {
    super('too many failed login attempts, retry later');
  }
}

/**
 * Every password-hashing slot and queue place is taken (domain/hash-admission.ts): the login is
 * refused before any hashing, whoever the user. RESOURCE_EXHAUSTED so that a client backs off.
 */
export class LoginOverloadedError extends AuthServiceError {
  readonly code = 'ERR_LOGIN_OVERLOADED';
  readonly grpcCode = status.RESOURCE_EXHAUSTED;
  constructor() {
    super('too many login attempts, retry later');
  }
}

/** Unknown, expired, spent or revoked refresh token: one answer for all of them. */
export class InvalidRefreshTokenError extends AuthServiceError {
  readonly code = 'ERR_INVALID_REFRESH_TOKEN';
  readonly grpcCode = status.UNAUTHENTICATED;
  constructor() {
    super('invalid refresh token');
  }
}

/** Rotation asked for while the operator supplies the signing key (SIGNING_KEY_FILE / SIGNING_KEY). */
export class RotationDisabledError extends AuthServiceError {
  readonly code = 'ERR_ROTATION_DISABLED';
  readonly grpcCode = status.FAILED_PRECONDITION;
  constructor() {
    super('key rotation is disabled: the signing key is supplied by the operator');
  }
}

/** Introspect while INTROSPECTION_ENABLED is off (the default: only the benchmark turns it on). */
export class IntrospectionDisabledError extends AuthServiceError {
  readonly code = 'ERR_INTROSPECTION_DISABLED';
  readonly grpcCode = status.FAILED_PRECONDITION;
  constructor() {
    super('introspection is disabled');
  }
}

/** Another auth-service process holds the key directory (see domain/keys/key-dir-lock.ts). */
export class KeyDirLockedError extends Error {
  readonly code = 'ERR_KEY_DIR_LOCKED';
  constructor(
    readonly dir: string,
    readonly pid: number,
  ) {
    super(`${dir} is in use by process ${pid}`);
    this.name = 'KeyDirLockedError';
  }
}

/** A key file or key state that cannot be used; a startup error, never sent to a client. */
export class KeyConfigError extends Error {
  readonly code = 'ERR_KEY_CONFIG';
  constructor(message: string) {
    super(message);
    this.name = 'KeyConfigError';
  }
}
