import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fetchJwks } from './fetch-jwks';

let server: Server;
let url: string;
let body = '';

beforeAll(async () => {
  server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'max-age=120' });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const opts = { fetch, timeoutMs: 2000, maxBytes: 64 * 1024 };

it('reads the document and its max-age', async () => {
  body = '{"keys":[]}';
  await expect(fetchJwks(url, opts)).resolves.toEqual({ doc: { keys: [] }, maxAgeSeconds: 120 });
});

it('refuses a body that is not JSON without quoting any of it', async () => {
  body = 'not json {{{ secret-looking-text';
  const err = await fetchJwks(url, opts).catch((e: Error) => e);
  expect(err).toBeInstanceOf(Error);
  expect((err as Error).message).toBe('JWKS response is not JSON');
});
