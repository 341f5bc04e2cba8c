import { checkAlgorithms } from '../keys/algorithms';
import type { KeySet } from '../keys/key-set';
import type { VerifyPolicy } from '../token/verifier';
import { checkLogger, type AuthLogger } from '../util/logger';

/**
 * Options of `createAuthServerInterceptor`. `keys`, `issuer`, `audience` and `algorithms` are
 * required: a verifier that does not pin them accepts tokens meant for someone else.
 *
 * @example
 * ```ts
 * const opts: AuthServerOptions = { keys, issuer: 'http://127.0.0.1:8080', audience: 'user-service', algorithms: ['ES256'] };
 * ```
 */
export interface AuthServerOptions {
  /** Where verification keys come from: `createRemoteKeySet` or `createStaticKeySet`. */
  keys: KeySet;
  /** Expected `iss` (exact). */
  issuer: string | readonly string[];
  /** This service's own audience; the token's `aud` must contain it. */
  audience: string | readonly string[];
  /** Allow-list compared exactly, e.g. `['ES256']`. Only asymmetric algorithms are supported. */
  algorithms: readonly string[];
  /** Expected header `typ` (default `'at+jwt'`, RFC 9068); `false` turns the check off. */
  typ?: string | false;
  /** Leeway for exp/nbf/iat (default 30). */
  clockToleranceSeconds?: number;
  /** Longest accepted exp - iat (or exp - now without iat) (default 3600). */
  maxTokenLifetimeSeconds?: number;
  /** Longest token accepted, checked before any parsing (default 8192). */
  maxTokenLength?: number;
  /** Claim that holds the subject (default `'sub'`; e.g. `'preferred_username'`, `'upn'`). */
  subjectClaim?: string;
  /** Claim that holds the roles (default `'roles'`; array or space-delimited string). */
  rolesClaim?: string;
  /** Verified-token LRU (default `{ max: 10000 }`); `false` turns it off. */
  cache?: { max?: number } | false;
  /** Exempt methods: gets the full method path; list exact paths, nothing is exempt by default. */
  skip?: (methodPath: string) => boolean;
  /** Clock, fed to jose's `currentDate` (default `() => new Date()`). */
  now?: () => Date;
  /** pino-compatible logger; silent by default. Logs reasons and kids, never tokens or claims. */
  logger?: AuthLogger;
}

/** Checked options. */
export interface AuthConfig extends VerifyPolicy {
  maxTokenLength: number;
  skip: (methodPath: string) => boolean;
  logger: AuthLogger;
}

function num(
  value: unknown,
  name: string,
  dflt: number,
  min: number,
  max: number,
  int = false,
): number {
  if (value === undefined) return dflt;
  if (
    typeof value !== 'number' ||
    !Number.isFinite(value) ||
    value < min ||
    value > max ||
    (int && !Number.isInteger(value))
  ) {
    throw new TypeError(
      `${name}: must be ${int ? 'an integer' : 'a number'} from ${min} to ${max}`,
    );
  }
  return value;
}

function nonEmptyStrings(value: unknown, name: string): string | readonly string[] {
  if (typeof value === 'string' && value.length > 0) return value;
  if (
    Array.isArray(value) &&
    value.length > 0 &&
    value.every((v) => typeof v === 'string' && v.length > 0)
  ) {
    return Object.freeze([...(value as string[])]);
  }
  throw new TypeError(`${name}: is required (a non-empty string or array of strings)`);
}

function claimName(value: unknown, name: string, dflt: string): string {
  if (value === undefined) return dflt;
  if (typeof value !== 'string' || value.length === 0)
    throw new TypeError(`${name}: must be a claim name`);
  return value;
}

/** Validates every option at construction, throwing a TypeError that names the option. */
export function checkAuthOptions(opts: AuthServerOptions): AuthConfig {
  if (!opts || typeof opts !== 'object') throw new TypeError('options: must be an object');
  const keys = opts.keys as Partial<KeySet> | undefined;
  if (!keys || typeof keys.getKey !== 'function') {
    throw new TypeError('keys: is required (createRemoteKeySet(...) or createStaticKeySet(...))');
  }
  const issuer = nonEmptyStrings(opts.issuer, 'issuer');
  const audience = nonEmptyStrings(opts.audience, 'audience');
  const algorithms = checkAlgorithms(opts.algorithms);
  const typ = opts.typ === undefined ? 'at+jwt' : opts.typ;
  if (typ !== false && (typeof typ !== 'string' || typ.length === 0)) {
    throw new TypeError('typ: must be a non-empty string or false');
  }
  let cacheMax: number | false = 10_000;
  if (opts.cache === false) cacheMax = false;
  else if (opts.cache !== undefined) {
    if (typeof opts.cache !== 'object' || opts.cache === null)
      throw new TypeError('cache: must be { max } or false');
    cacheMax = num(opts.cache.max, 'cache.max', 10_000, 1, 10_000_000, true);
  }
  for (const fn of ['skip', 'now'] as const) {
    if (opts[fn] !== undefined && typeof opts[fn] !== 'function')
      throw new TypeError(`${fn}: must be a function`);
  }
  return {
    keys: opts.keys,
    issuer,
    audience,
    algorithms,
    typ,
    clockToleranceSeconds: num(opts.clockToleranceSeconds, 'clockToleranceSeconds', 30, 0, 600),
    maxTokenLifetimeSeconds: num(
      opts.maxTokenLifetimeSeconds,
      'maxTokenLifetimeSeconds',
      3600,
      1,
      31 * 86400,
    ),
    maxTokenLength: num(opts.maxTokenLength, 'maxTokenLength', 8192, 64, 1024 * 1024, true),
    subjectClaim: claimName(opts.subjectClaim, 'subjectClaim', 'sub'),
    rolesClaim: claimName(opts.rolesClaim, 'rolesClaim', 'roles'),
    cacheMax,
    skip: opts.skip ?? (() => false),
    now: opts.now ?? (() => new Date()),
    logger: checkLogger(opts.logger),
  };
}
