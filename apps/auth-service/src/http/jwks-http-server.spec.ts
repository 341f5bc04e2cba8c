import { request } from 'node:http';
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
