import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A running test JWKS server. */
export interface JwksServer {
  /** `http://127.0.0.1:<port>/.well-known/jwks.json` */
  readonly url: string;
  /** Requests received so far (any path). */
  readonly requests: number;
  /** While down, every request gets HTTP 503. */
  setDown(down: boolean): void;
  close(): Promise<void>;
}

/**
 * Serves a JWKS on 127.0.0.1:0 and counts requests; `jwks` may be a function to serve a changing
 * set. `maxAgeSeconds` sets Cache-Control.
 *
 * @example
 * ```ts
 * const server = await startJwksServer(keys.jwks);
 * const keySet = createRemoteKeySet({ url: server.url });
 * ```
 */
export async function startJwksServer(
  jwks: object | (() => object),
  opts: { maxAgeSeconds?: number } = {},
): Promise<JwksServer> {
  let requests = 0;
  let down = false;
  const server = createServer((_req, res) => {
    requests += 1;
    if (down) {
      res.writeHead(503).end();
      return;
    }
    const body = JSON.stringify(typeof jwks === 'function' ? jwks() : jwks);
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (opts.maxAgeSeconds !== undefined)
      headers['cache-control'] = `max-age=${opts.maxAgeSeconds}`;
    res.writeHead(200, headers).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/.well-known/jwks.json`,
    get requests() {
      return requests;
    },
    setDown(value: boolean) {
      down = value;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
