import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';

export const JWKS_PATH = '/.well-known/jwks.json';
export const DISCOVERY_PATH = '/.well-known/openid-configuration';

/** A JWKS request is one small packet: the whole request gets 10 s, its headers 5 s. */
export const REQUEST_TIMEOUT_MS = 10_000;
export const HEADERS_TIMEOUT_MS = 5_000;
export const KEEP_ALIVE_TIMEOUT_MS = 5_000;
/** How often node checks those timeouts: a slow client is cut at most this much late. */
export const CONNECTIONS_CHECK_MS = 1_000;

export interface JwksHttpOptions {
  /** The published key set now (public members only). */
  jwks: () => { keys: object[] };
  /** Algorithms of the published keys. */
  algorithms: () => readonly string[];
  issuer: string;
  jwksUri: string;
  maxAgeSeconds: number;
  logger: Logger;
  service?: string;
}

export interface RunningHttpServer {
  server: Server;
  port: number;
  address: string;
  /** The JWKS URL as reached on the bound address (what tests and local tools use). */
  jwksUrl: string;
  /** Stops listening and closes idle connections now, the rest after `graceMs` (default 0). */
  close(graceMs?: number): Promise<void>;
}

function body(doc: unknown): { text: string; etag: string } {
  const text = JSON.stringify(doc);
  return { text, etag: `"${createHash('sha256').update(text).digest('base64url').slice(0, 27)}"` };
}

/**
 * The public HTTP face of the key set: `GET /.well-known/jwks.json` and a minimal
 * `/.well-known/openid-configuration`, cacheable (Cache-Control max-age, ETag, 304) so that
 * Envoy/Istio `jwksUri`, PyJWT's PyJWKClient or any downstream can fetch it directly.
 */
export function createJwksHttpServer(o: JwksHttpOptions): Server {
  const service = o.service ?? 'auth-service';
  const send = (
    req: IncomingMessage,
    res: ServerResponse,
    status: number,
    doc: unknown,
    cache: boolean,
  ) => {
    const { text, etag } = body(doc);
    res.setHeader('Content-Type', 'application/json');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    if (cache) {
      res.setHeader('Cache-Control', `public, max-age=${o.maxAgeSeconds}`);
      res.setHeader('ETag', etag);
      // Public keys: any origin may read them (browser-based verifiers, dev tools).
      res.setHeader('Access-Control-Allow-Origin', '*');
      if (req.headers['if-none-match']?.split(/\s*,\s*/).includes(etag)) {
        res.writeHead(304).end();
        return 304;
      }
    } else {
      res.setHeader('Cache-Control', 'no-store');
    }
    res.setHeader('Content-Length', Buffer.byteLength(text));
    res.writeHead(status).end(req.method === 'HEAD' ? undefined : text);
    return status;
  };

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const started = process.hrtime.bigint();
    // Once close() has begun, answer and hang up: a kept-alive connection would idle on until
    // the grace is over, holding shutdown open.
    if (!server.listening) res.setHeader('Connection', 'close');
    let path = '';
    try {
      path = new URL(req.url ?? '/', 'http://x').pathname;
    } catch {
      path = '';
    }
    let status: number;
    if (path !== JWKS_PATH && path !== DISCOVERY_PATH) {
      status = send(req, res, 404, { error: 'not found' }, false);
    } else if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      status = send(req, res, 405, { error: 'method not allowed' }, false);
    } else if (path === JWKS_PATH) {
      status = send(req, res, 200, o.jwks(), true);
    } else {
      status = send(
        req,
        res,
        200,
        {
          issuer: o.issuer,
          jwks_uri: o.jwksUri,
          id_token_signing_alg_values_supported: [...o.algorithms()],
        },
        true,
      );
    }
    const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
    o.logger.debug(
      { transport: 'http', method: req.method, path: path.slice(0, 200), status, durationMs },
      'http request',
    );
  };

  // Slow or idle clients cannot hold sockets open for long. Node enforces headersTimeout and
  // requestTimeout only when it sweeps its connections, every connectionsCheckingInterval (30 s
  // by default), so a client trickling header lines kept its socket ~30 s whatever headersTimeout
  // said; sweep every second instead.
  const server = createServer(
    {
      connectionsCheckingInterval: CONNECTIONS_CHECK_MS,
      headersTimeout: HEADERS_TIMEOUT_MS,
      requestTimeout: REQUEST_TIMEOUT_MS,
    },
    handle,
  );
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS; // not a createServer option on Node 20
  server.on('clientError', (_err, socket) => socket.destroy());
  server.on('listening', () => {
    const a = server.address() as AddressInfo;
    // The root logger already binds `service` (service-kit); a second one would repeat the JSON key.
    const named = o.logger.bindings().service !== undefined ? {} : { service };
    const host = a.family === 'IPv6' ? `[${a.address}]` : a.address;
    o.logger.info(
      { ...named, transport: 'http', address: `${host}:${a.port}`, port: a.port, pid: process.pid },
      'listening',
    );
  });
  return server;
}

/** Binds the server and resolves once it listens (port 0 = any free port). */
export function listenHttp(server: Server, host: string, port: number): Promise<RunningHttpServer> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const a = server.address() as AddressInfo;
      const hostPart = a.family === 'IPv6' ? `[${a.address}]` : a.address;
      resolve({
        server,
        port: a.port,
        address: `${hostPart}:${a.port}`,
        jwksUrl: `http://${hostPart}:${a.port}${JWKS_PATH}`,
        close: (graceMs = 0) =>
          new Promise<void>((done) => {
            // Idle keep-alive sockets would hold close() open until their keep-alive timeout: close
            // them now. A request in progress gets the grace to finish, then its socket is cut too.
            const cut = setTimeout(() => server.closeAllConnections(), graceMs);
            server.close(() => {
              clearTimeout(cut);
              done();
            });
            server.closeIdleConnections();
          }),
      });
    });
  });
}
