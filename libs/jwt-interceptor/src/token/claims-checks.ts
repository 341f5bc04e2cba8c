import type { JWTPayload } from 'jose';
import { InvalidTokenError } from '../errors/auth-error';

/** 9999-12-31T23:59:59Z: no honest token carries a later date. */
export const MAX_NUMERIC_DATE = 253402300799;

/**
 * jose accepts any JS number as a NumericDate; `1e400` in the JSON text parses to Infinity (a token
 * that never expires). Dates must be finite, non-negative and before year 10000.
 */
export function checkNumericDates(payload: JWTPayload): void {
  for (const claim of ['exp', 'nbf', 'iat'] as const) {
    const value = payload[claim];
    if (value === undefined) continue;
    if (
      typeof value !== 'number' ||
      !Number.isFinite(value) ||
      value < 0 ||
      value > MAX_NUMERIC_DATE
    ) {
      throw new InvalidTokenError('ERR_INVALID_NUMERIC_DATE');
    }
  }
}

/** Lifetime cap: exp - iat, or exp - now when there is no iat. */
export function checkLifetime(
  payload: JWTPayload,
  nowSeconds: number,
  maxLifetimeSeconds: number,
): void {
  const exp = payload.exp;
  if (typeof exp !== 'number') throw new InvalidTokenError('ERR_JWT_CLAIM_VALIDATION_FAILED');
  const from = typeof payload.iat === 'number' ? payload.iat : nowSeconds;
  if (exp - from > maxLifetimeSeconds) throw new InvalidTokenError('ERR_LIFETIME_TOO_LONG');
}
