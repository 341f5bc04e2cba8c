/** What one JWKS fetch returned. */
export interface FetchedJwks {
  readonly doc: unknown;
  /** `max-age` from Cache-Control in seconds, 0 for `no-store`/`no-cache`, undefined if absent. */
  readonly maxAgeSeconds: number | undefined;
}

/** Parses the freshness the server asked for; the caller clamps it to its own bounds. */
export function parseMaxAge(header: string | null): number | undefined {
  if (!header) return undefined;
  if (/(?:^|,)\s*no-(?:store|cache)\b/i.test(header)) return 0;
  const m = /(?:^|,)\s*max-age\s*=\s*"?(\d{1,10})"?/i.exec(header);
  return m ? Number(m[1]) : undefined;
}

async function readCapped(res: Response, maxBytes: number): Promise<string> {
  const declared = Number(res.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) throw new Error('JWKS response too large');
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    // Counting as we read protects us from a lying or absent Content-Length.
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new Error('JWKS response too large');
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * GETs a JWKS with a timeout and a size cap. Redirects are refused: the configured URL is the
 * only place keys may come from.
 */
export async function fetchJwks(
  url: string,
  opts: { fetch: typeof fetch; timeoutMs: number; maxBytes: number },
): Promise<FetchedJwks> {
  const res = await opts.fetch(url, {
    signal: AbortSignal.timeout(opts.timeoutMs),
    redirect: 'error',
    headers: { accept: 'application/jwk-set+json, application/json' },
  });
  if (!res.ok) {
    await res.body?.cancel().catch(() => undefined);
    throw new Error(`JWKS endpoint answered HTTP ${res.status}`);
  }
  const text = await readCapped(res, opts.maxBytes);
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    // JSON.parse quotes the text it failed on; the body is not ours to copy into logs.
    throw new Error('JWKS response is not JSON');
  }
  return {
    doc,
    maxAgeSeconds: parseMaxAge(res.headers.get('cache-control')),
  };
}
