import type { KeyObject } from 'node:crypto';
import { InvalidTokenError } from '../errors/auth-error';

/** What the verifier asks a key set for: the already allow-listed `alg` and the token's `kid`. */
export interface KeyRequest {
  readonly alg: string;
  readonly kid?: string | undefined;
}

/**
 * Counters of a key set.
 *
 * @example
 * ```ts
 * if (!keys.stats().loaded) running.setServing(false);
 * ```
 */
export interface KeySetStats {
  /** Usable keys held now. */
  keys: number;
  /** JWKS fetch attempts (0 for a static set). */
  fetches: number;
  /** JWKS fetch attempts that failed (network, status, size, JSON, no usable key). */
  fetchFailures: number;
  /** Whether a key set has ever loaded. */
  loaded: boolean;
}

/**
 * A source of verification keys. Keys come only from here, never from the token's header.
 * Implement it yourself to plug in another source; `getKey` resolves the key for a token or throws
 * an AuthError (InvalidTokenError for no matching key, KeysUnavailableError when none ever loaded).
 *
 * @example
 * ```ts
 * const keys: KeySet = createRemoteKeySet({ url: 'http://127.0.0.1:8080/.well-known/jwks.json' });
 * await keys.ready();
 * ```
 */
export interface KeySet {
  /** Resolves once the first load attempt finished: `true` when keys are available. */
  ready(): Promise<boolean>;
  /** Stops background work (timers). */
  close(): void;
  stats(): KeySetStats;
  /** The key that verifies a token with this header. */
  getKey(request: KeyRequest): Promise<KeyObject>;
}

/** @internal One usable public key. */
export interface KeyEntry {
  /** `undefined` when the source gave none: such a key matches any token `kid`. */
  readonly kid: string | undefined;
  /** The JWK's own `alg` pin, if any. */
  readonly alg: string | undefined;
  readonly algorithms: readonly string[];
  readonly key: KeyObject;
}

/**
 * @internal Picks the one key for a request: exact `kid` matches win; keys without `kid` are
 * candidates for any token. More than one candidate is refused rather than tried in turn, so one
 * token never costs more than one signature check.
 */
export function selectKey(entries: readonly KeyEntry[], req: KeyRequest): KeyObject | undefined {
  const fits = entries.filter(
    (e) => e.algorithms.includes(req.alg) && (e.alg === undefined || e.alg === req.alg),
  );
  const exact = req.kid === undefined ? [] : fits.filter((e) => e.kid === req.kid);
  const candidates =
    exact.length > 0 ? exact : fits.filter((e) => e.kid === undefined || req.kid === undefined);
  if (candidates.length > 1) throw new InvalidTokenError('ERR_JWKS_MULTIPLE_MATCHING_KEYS');
  return candidates[0]?.key;
}
