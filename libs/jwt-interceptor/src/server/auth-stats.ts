import type { KeySetStats } from '../keys/key-set';

/**
 * Counters of one auth interceptor, from `interceptor.stats()`.
 *
 * @example
 * ```ts
 * const { accepted, rejected } = interceptor.stats();
 * ```
 */
export interface AuthStats {
  accepted: number;
  /** Rejections by reason: our codes (`ERR_NO_AUTHORIZATION`, `ERR_ALG_NOT_ALLOWED`...) or jose's. */
  rejected: Record<string, number>;
  cacheHits: number;
  cacheMisses: number;
  /** Calls that ended INTERNAL because verification itself failed unexpectedly. */
  internalErrors: number;
  /** The key set's own counters (fetches, fetchFailures...). */
  keys: KeySetStats;
}

/** @internal Mutable counters behind `stats()`. */
export class AuthCounters {
  accepted = 0;
  cacheHits = 0;
  cacheMisses = 0;
  internalErrors = 0;
  private readonly rejected = new Map<string, number>();

  reject(reason: string): void {
    this.rejected.set(reason, (this.rejected.get(reason) ?? 0) + 1);
  }

  snapshot(keys: KeySetStats): AuthStats {
    return {
      accepted: this.accepted,
      rejected: Object.fromEntries(this.rejected),
      cacheHits: this.cacheHits,
      cacheMisses: this.cacheMisses,
      internalErrors: this.internalErrors,
      keys,
    };
  }
}
