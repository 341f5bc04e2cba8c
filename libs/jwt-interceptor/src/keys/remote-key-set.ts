import type { KeyObject } from 'node:crypto';
import { InvalidTokenError, KeysUnavailableError } from '../errors/auth-error';
import { checkLogger, safeForLog, type AuthLogger } from '../util/logger';
import { SUPPORTED_ALGORITHMS, checkAlgorithms } from './algorithms';
import { fetchJwks } from './fetch-jwks';
import { importJwks } from './jwk-import';
import {
  type KeyEntry,
  type KeyRequest,
  type KeySet,
  type KeySetStats,
  selectKey,
} from './key-set';
import { checkRemoteOptions, type RemoteKeySetOptions } from './remote-options';

export type { RemoteKeySetOptions } from './remote-options';

/**
 * A key set fetched from a JWKS URL: loaded at start, refreshed in the background (Cache-Control
 * max-age clamped to [minRefreshSeconds, maxRefreshSeconds]), refetched once on an unknown `kid`
 * (single flight, at most one fetch per `cooldownSeconds`), and kept when a refetch fails
 * (stale-if-error). Until a first load succeeds it retries with backoff and `getKey` throws
 * KeysUnavailableError (UNAVAILABLE). Timers are unref'd; `close()` stops them.
 *
 * @example
 * ```ts
 * const keys = createRemoteKeySet({ url: config.JWKS_URL, logger });
 * const interceptor = createAuthServerInterceptor({ keys, issuer, audience, algorithms: ['ES256'] });
 * ```
 */
export function createRemoteKeySet(options: RemoteKeySetOptions): KeySet {
  const o = checkRemoteOptions(options);
  const allowed = o.algorithms ? checkAlgorithms(o.algorithms) : SUPPORTED_ALGORITHMS;
  const log: AuthLogger = checkLogger(o.logger);
  const source = urlForLog(o.url);
  const counters = { fetches: 0, fetchFailures: 0 };
  let entries: readonly KeyEntry[] = [];
  let loaded = false;
  let closed = false;
  let inflight: Promise<void> | null = null;
  let lastAttemptAt = -Infinity;
  let firstAttemptAt: number | undefined;
  let retryDelayMs = o.retryMinMs;
  let timer: NodeJS.Timeout | undefined;

  function schedule(ms: number): void {
    if (closed) return;
    clearTimeout(timer);
    timer = setTimeout(() => void refresh(), ms);
    timer.unref();
  }

  async function load(): Promise<void> {
    counters.fetches += 1;
    lastAttemptAt = Date.now();
    firstAttemptAt ??= lastAttemptAt;
    try {
      const { doc, maxAgeSeconds } = await fetchJwks(o.url, o);
      const { entries: next, skipped } = importJwks(doc, allowed);
      if (skipped.length > 0) log.debug({ skipped }, 'jwks keys skipped');
      if (next.length === 0) throw new Error('JWKS holds no usable key');
      entries = next;
      loaded = true;
      retryDelayMs = o.retryMinMs;
      const refreshS = Math.min(
        o.maxRefreshSeconds,
        Math.max(o.minRefreshSeconds, maxAgeSeconds ?? o.defaultRefreshSeconds),
      );
      log.debug(
        { keys: next.length, kids: next.map((e) => safeForLog(e.kid)), refreshS },
        'jwks loaded',
      );
      schedule(refreshS * 1000);
    } catch (err) {
      counters.fetchFailures += 1;
      logFailure(err);
      if (loaded) {
        schedule(o.minRefreshSeconds * 1000); // stale-if-error: keep the last good set, try later
      } else {
        // Full jitter keeps a fleet that lost the auth service from retrying in lockstep.
        schedule(retryDelayMs / 2 + Math.random() * (retryDelayMs / 2));
        retryDelayMs = Math.min(o.retryMaxMs, retryDelayMs * 2);
      }
    }
  }

  // Under `npm start` the services that verify tokens come up beside the issuer, so the first
  // failures are the normal wait, not a fault: info until they last `warnAfterMs`, warn after.
  function logFailure(err: unknown): void {
    const failure = describeFailure(err, o.url);
    const waitingMs = Date.now() - (firstAttemptAt ?? Date.now());
    if (!loaded && waitingMs < o.warnAfterMs) {
      const info = log.info ?? log.debug;
      info.call(log, { err: failure, jwks: source, waitingMs }, 'waiting for JWKS');
    } else {
      log.warn({ err: failure, jwks: source, loaded, waitingMs }, 'jwks fetch failed');
    }
  }

  function refresh(): Promise<void> {
    if (closed) return Promise.resolve();
    inflight ??= load().finally(() => {
      inflight = null;
    });
    return inflight;
  }

  const first = refresh();

  async function getKey(req: KeyRequest): Promise<KeyObject> {
    if (!loaded) {
      if (inflight) await inflight;
      else if (Date.now() - lastAttemptAt >= o.cooldownSeconds * 1000) await refresh();
      if (!loaded) throw new KeysUnavailableError();
    }
    let key = selectKey(entries, req);
    // An unknown kid may mean a rotation we have not seen yet: refetch once, single flight, and at
    // most once per cooldown so a flood of random kids cannot turn into a flood of fetches.
    if (!key && req.kid !== undefined) {
      if (inflight) await inflight;
      else if (Date.now() - lastAttemptAt >= o.cooldownSeconds * 1000) await refresh();
      key = selectKey(entries, req);
    }
    if (!key) throw new InvalidTokenError('ERR_JWKS_NO_MATCHING_KEY');
    return key;
  }

  return {
    ready: () => first.then(() => loaded),
    close(): void {
      closed = true;
      clearTimeout(timer);
    },
    stats: (): KeySetStats => ({ keys: entries.length, ...counters, loaded }),
    getKey,
  };
}

/** Scheme, host and path: the query may carry a token (credentials are refused up front). */
function urlForLog(url: string): string {
  const u = new URL(url);
  return `${u.origin}${u.pathname}${u.search ? '?[Redacted]' : ''}`;
}

/** The message and the system error code (fetch's own message is only "fetch failed"). */
function describeFailure(err: unknown, url: string): { message: string; code?: string } {
  const e = err as { message?: unknown; code?: unknown; cause?: { code?: unknown } } | null;
  const message = String(e?.message ?? err)
    .split(url)
    .join(urlForLog(url));
  const code = e?.cause?.code ?? e?.code;
  return typeof code === 'string' ? { message, code } : { message };
}
