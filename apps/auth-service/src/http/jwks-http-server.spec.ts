import { silentLogger } from '@jwt-mesh/service-kit';
import { once } from 'node:events';
import { Agent, request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { rpc, startTestAuth, type TestAuth } from '../testing/harness';
import { HEADERS_TIMEOUT_MS, createJwksHttpServer, listenHttp } from './jwks-http-server';

let auth: TestAuth;
let base: string;
beforeAll(async () => {
  auth = await startTestAuth({
    env: { JWKS_MAX_AGE_SECONDS: '120', JWT_ISSUER: 'https://auth.example.test' },
  });
  base = `http://${auth.running.http.address}`;
});
afterAll(() => auth?.stop());

const PRIVATE = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'];

describe('GET /.well-known/jwks.json', () => {
  it('serves the public keys, cacheable, equal to GetJwks', async () => {
    const res = await fetch(`${base}/.well-known/jwks.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(res.headers.get('cache-control')).toBe('public, max-age=120');
    expect(res.headers.get('etag')).toMatch(/^"[A-Za-z0-9_-]+"$/);
    const body = (await res.json()) as { keys: Array<Record<string, unknown>> };
    expect(body.keys).toHaveLength(1);
    expect(body.keys[0]).toEqual({
      kty: 'EC',
      crv: 'P-256',
      x: expect.any(String),
      y: expect.any(String),
      kid: expect.any(String),
      alg: 'ES256',
      use: 'sig',
    });
    for (const m of PRIVATE) expect(body.keys[0]).not.toHaveProperty(m);
    const grpcDoc = await rpc<{ jwks_json: string }>(auth.client, 'GetJwks', {});
    expect(JSON.parse(grpcDoc.jwks_json)).toEqual(body);
  });

  it('answers 304 to a matching If-None-Match, and HEAD without a body', async () => {
    const first = await fetch(`${base}/.well-known/jwks.json`);
    const etag = first.headers.get('etag')!;
    const again = await fetch(`${base}/.well-known/jwks.json`, {
      headers: { 'if-none-match': etag },
    });
    expect(again.status).toBe(304);
    const head = await fetch(`${base}/.well-known/jwks.json`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect(Number(head.headers.get('content-length'))).toBeGreaterThan(0);
  });
});

describe('GET /.well-known/openid-configuration', () => {
  it('names the issuer, the jwks_uri and the algorithms', async () => {
    const res = await fetch(`${base}/.well-known/openid-configuration`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=120');
    expect(await res.json()).toEqual({
      issuer: 'https://auth.example.test',
      jwks_uri: 'https://auth.example.test/.well-known/jwks.json',
      id_token_signing_alg_values_supported: ['ES256'],
    });
  });
});

describe('everything else', () => {
  it('is 404 for other paths and 405 for other methods', async () => {
    expect((await fetch(`${base}/`)).status).toBe(404);
    expect((await fetch(`${base}/.well-known/jwks.json/../../etc/passwd`)).status).toBe(404);
    const post = await fetch(`${base}/.well-known/jwks.json`, { method: 'POST', body: 'x' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
    expect((await fetch(`${base}/.well-known/jwks.json`, { method: 'DELETE' })).status).toBe(405);
  });

  it('survives a malformed request line', async () => {
    const status = await new Promise<number | undefined>((resolve) => {
      const req = request(
        { host: '127.0.0.1', port: auth.running.http.port, path: '//%%' },
        (res) => {
          res.resume();
          resolve(res.statusCode);
        },
      );
      req.on('error', () => resolve(undefined));
      req.end();
    });
    expect([404, undefined]).toContain(status);
    expect((await fetch(`${base}/.well-known/jwks.json`)).status).toBe(200);
  });
});

describe('slow clients', () => {
  // Node enforces headersTimeout only when it sweeps connections (connectionsCheckingInterval,
  // 30 s by default), so without a short interval this socket lived ~28 s past its 5 s budget.
  it('closes a socket trickling one header line per 300 ms within a few seconds', async () => {
    const socket = connect(auth.running.http.port, '127.0.0.1');
    socket.on('error', () => undefined);
    await once(socket, 'connect');
    const started = Date.now();
    const closed = new Promise<number>((resolve) =>
      socket.once('close', () => resolve(Date.now() - started)),
    );
    socket.write('GET /.well-known/jwks.json HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    let n = 0;
    const trickle = setInterval(() => {
      if (!socket.destroyed) socket.write(`X-Slow-${n++}: 1\r\n`);
    }, 300);
    let bound: NodeJS.Timeout | undefined;
    const stillOpen = new Promise<'still open'>((resolve) => {
      bound = setTimeout(() => resolve('still open'), 9_000);
    });
    try {
      const outcome = await Promise.race([closed, stillOpen]);
      expect(outcome).not.toBe('still open');
      // headersTimeout is 5 s, swept every second.
      expect(outcome).toBeGreaterThanOrEqual(4_000);
      expect(outcome).toBeLessThan(7_500);
      expect(n).toBeGreaterThan(10); // it really was trickling until the server hung up
    } finally {
      clearInterval(trickle);
      clearTimeout(bound);
      socket.destroy();
    }
    expect((await fetch(`${base}/.well-known/jwks.json`)).status).toBe(200);
  }, 15_000);
});

describe('close', () => {
  const start = () =>
    listenHttp(
      createJwksHttpServer({
        jwks: () => ({ keys: [] }),
        algorithms: () => ['ES256'],
        issuer: 'https://auth.example.test',
        jwksUri: 'https://auth.example.test/jwks',
        maxAgeSeconds: 60,
        logger: silentLogger(),
      }),
      '127.0.0.1',
      0,
    );

  it('does not wait for an idle keep-alive client, however long the grace', async () => {
    const http = await start();
    const agent = new Agent({ keepAlive: true });
    try {
      // The agent keeps the socket open after the response, as fetch and PyJWKClient do.
      const socket = await new Promise<Socket>((resolve, reject) => {
        const req = request(http.jwksUrl, { agent }, (res) => {
          res.resume();
          res.on('end', () => resolve(req.socket!));
        });
        req.on('error', reject);
        req.end();
      });
      const socketClosed = once(socket, 'close');
      expect(socket.destroyed).toBe(false);
      await http.close(60_000);
      await socketClosed;
    } finally {
      agent.destroy();
    }
  });

  it('lets a request in progress finish within the grace', async () => {
    const http = await start();
    const socket = connect(http.port, '127.0.0.1');
    socket.on('error', () => undefined);
    await once(socket, 'connect');
    let received = '';
    socket.on('data', (c: Buffer) => (received += c.toString()));
    const ended = once(socket, 'close');
    socket.write('GET /.well-known/jwks.json HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    await new Promise((r) => setTimeout(r, 50)); // let the server see the request begin
    try {
      const closing = http.close(60_000);
      socket.write('\r\n');
      await ended;
      expect(received).toMatch(/^HTTP\/1\.1 200 /);
      await closing; // and the answered connection did not hold it for the grace
    } finally {
      socket.destroy();
    }
  });

  it('cuts a request still in progress once the grace is over', async () => {
    const http = await start();
    const socket = connect(http.port, '127.0.0.1');
    socket.on('error', () => undefined);
    await once(socket, 'connect');
    const started = Date.now();
    const closed = once(socket, 'close');
    socket.write('GET /.well-known/jwks.json HTTP/1.1\r\nHost: 127.0.0.1\r\n'); // headers unfinished
    await new Promise((r) => setTimeout(r, 50)); // let the server see the request begin
    try {
      await http.close(100);
      await closed;
      // Without the cut, only headersTimeout (swept every second) would end it.
      expect(Date.now() - started).toBeLessThan(HEADERS_TIMEOUT_MS);
    } finally {
      socket.destroy();
    }
  });
});
