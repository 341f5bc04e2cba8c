import type { AuthLogger } from '../util/logger';

/**
 * Options of `createRemoteKeySet`. Durations carry their unit in the name.
 *
 * @example
 * ```ts
 * const opts: RemoteKeySetOptions = { url: config.JWKS_URL, cooldownSeconds: 10, logger };
 * ```
 */
export interface RemoteKeySetOptions {
  /** The JWKS URL, `https:` or `http:` only. */
  url: string;
  /** Restricts which keys are accepted (default: every supported asymmetric algorithm). */
  algorithms?: readonly string[];
  /** pino-compatible; silent by default. */
  logger?: AuthLogger;
  /** Lower bound of the refresh interval (default 60). Also the retry delay after a failed refresh. */
  minRefreshSeconds?: number;
  /** Upper bound of the refresh interval (default 3600). */
  maxRefreshSeconds?: number;
  /** Refresh interval when the response has no Cache-Control max-age (default 300, then clamped). */
  defaultRefreshSeconds?: number;
  /** Least time between two fetches triggered by unknown `kid`s (default 30). */
  cooldownSeconds?: number;
  /** Timeout of one fetch (default 5000). */
  timeoutMs?: number;
  /** Largest JWKS response accepted (default 256 KiB). */
  maxResponseBytes?: number;
  /** First retry delay while no key has ever loaded (default 500), doubling up to `retryMaxMs` (default 30000). */
  retryMinMs?: number;
  retryMaxMs?: number;
  /**
   * While no key has loaded yet, failures are logged at info ("waiting for JWKS": the issuer is
   * often still starting) until this long after the first attempt, then at warn (default 10000).
   */
  warnAfterMs?: number;
  /** Injected for tests; defaults to the global `fetch`. */
  fetch?: typeof fetch;
}

/** Checked, defaulted remote options. */
export interface RemoteConfig {
  url: string;
  algorithms: readonly string[] | undefined;
  logger: AuthLogger | undefined;
  minRefreshSeconds: number;
  maxRefreshSeconds: number;
  defaultRefreshSeconds: number;
  cooldownSeconds: number;
  timeoutMs: number;
  maxBytes: number;
  retryMinMs: number;
  retryMaxMs: number;
  warnAfterMs: number;
  fetch: typeof fetch;
}

function num(value: unknown, name: string, dflt: number, min: number, max: number): number {
  if (value === undefined) return dflt;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw new TypeError(`${name}: must be a number from ${min} to ${max}`);
  }
  return value;
}

/** Validates every option now, naming the bad one. */
export function checkRemoteOptions(opts: RemoteKeySetOptions): RemoteConfig {
  if (!opts || typeof opts !== 'object') throw new TypeError('options: must be an object');
  let url: URL;
  try {
    url = new URL(opts.url);
  } catch {
    throw new TypeError('url: must be an absolute https: or http: URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new TypeError('url: only https: and http: are allowed');
  }
  // fetch refuses such a URL on every attempt, and its error message would repeat the secret.
  if (url.username !== '' || url.password !== '') {
    throw new TypeError('url: must not contain credentials (user:password@)');
  }
  const minRefreshSeconds = num(opts.minRefreshSeconds, 'minRefreshSeconds', 60, 0.01, 86400);
  const maxRefreshSeconds = num(
    opts.maxRefreshSeconds,
    'maxRefreshSeconds',
    3600,
    minRefreshSeconds,
    7 * 86400,
  );
  const retryMinMs = num(opts.retryMinMs, 'retryMinMs', 500, 1, 3600_000);
  const fetchImpl = opts.fetch ?? globalThis.fetch;
  if (typeof fetchImpl !== 'function') throw new TypeError('fetch: must be a function');
  return {
    url: url.href,
    algorithms: opts.algorithms,
    logger: opts.logger,
    minRefreshSeconds,
    maxRefreshSeconds,
    defaultRefreshSeconds: num(
      opts.defaultRefreshSeconds,
      'defaultRefreshSeconds',
      300,
      0.01,
      7 * 86400,
    ),
    cooldownSeconds: num(opts.cooldownSeconds, 'cooldownSeconds', 30, 0, 86400),
    timeoutMs: num(opts.timeoutMs, 'timeoutMs', 5000, 1, 120_000),
    maxBytes: num(opts.maxResponseBytes, 'maxResponseBytes', 256 * 1024, 1024, 16 * 1024 * 1024),
    retryMinMs,
    retryMaxMs: num(opts.retryMaxMs, 'retryMaxMs', 30_000, retryMinMs, 3600_000),
    warnAfterMs: num(opts.warnAfterMs, 'warnAfterMs', 10_000, 0, 3600_000),
    fetch: fetchImpl,
  };
}
