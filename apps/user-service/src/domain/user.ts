import { InvalidArgumentError, PermissionDeniedError } from './errors';

/** A user profile. Roles here are informational; authorization uses the token's roles. */
export interface UserProfile {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly email: string;
  readonly roles: readonly string[];
}

export interface Caller {
  readonly subject: string;
  readonly isAdmin: boolean;
}

export const LIMITS = Object.freeze({ maxIdLength: 128, defaultPageSize: 20, maxPageSize: 100 });

/**
 * GetUser rule: one's own profile, or anyone's for an admin. Checked before the lookup, so a
 * customer cannot probe which ids exist.
 */
export function assertMayReadUser(caller: Caller, userId: string): void {
  if (caller.subject !== userId && !caller.isAdmin) {
    throw new PermissionDeniedError('may only read your own profile');
  }
}

export function validateUserId(value: string | undefined): string {
  if (!value) throw new InvalidArgumentError('user_id is required');
  if (value.length > LIMITS.maxIdLength) {
    throw new InvalidArgumentError(`user_id must be at most ${LIMITS.maxIdLength} characters`);
  }
  return value;
}

/** 0 means the default; anything else must be 1..100. */
export function validatePageSize(pageSize: number | undefined): number {
  const n = pageSize ?? 0;
  if (!Number.isInteger(n) || n < 0 || n > LIMITS.maxPageSize) {
    throw new InvalidArgumentError(`page_size must be 0..${LIMITS.maxPageSize}`);
  }
  return n === 0 ? LIMITS.defaultPageSize : n;
}
