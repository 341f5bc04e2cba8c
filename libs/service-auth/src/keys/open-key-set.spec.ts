import { createTestKeys, startJwksServer } from '@jwt-mesh/jwt-interceptor/testing';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openKeySet } from './open-key-set';

const keys = createTestKeys();
const dir = mkdtempSync(join(tmpdir(), 'service-auth-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('openKeySet', () => {
  it('reads a static file now: loaded at once, never fetched', async () => {
    const file = join(dir, 'jwks.json');
    writeFileSync(file, JSON.stringify(keys.jwks));
    const set = openKeySet({ kind: 'file', path: file }, ['ES256']);
    try {
      expect(set.stats()).toMatchObject({ loaded: true, keys: 1, fetches: 0 });
      await expect(set.ready()).resolves.toBe(true);
    } finally {
      set.close();
    }
  });

  it('throws at startup for a missing file', () => {
    expect(() => openKeySet({ kind: 'file', path: join(dir, 'nope.json') }, ['ES256'])).toThrow();
  });

  it('fetches a JWKS URL', async () => {
    const jwks = await startJwksServer(keys.jwks);
    const set = openKeySet({ kind: 'jwks', url: jwks.url }, ['ES256']);
    try {
      await expect(set.ready()).resolves.toBe(true);
      expect(set.stats()).toMatchObject({ loaded: true, keys: 1 });
      expect(jwks.requests).toBe(1);
    } finally {
      set.close();
      await jwks.close();
    }
  });
});
