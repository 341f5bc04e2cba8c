import { once } from 'node:events';
import { request } from 'node:http';
import { connect } from 'node:net';
import { rpc, startTestAuth, type TestAuth } from '../testing/harness';

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
