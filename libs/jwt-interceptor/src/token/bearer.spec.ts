import { Metadata } from '@grpc/grpc-js';
import { extractBearerToken } from './bearer';

const md = (...values: string[]): Metadata => {
  const m = new Metadata();
  for (const v of values) m.add('authorization', v);
  return m;
};

it.each([
  [md(), 'ERR_MISSING_TOKEN', 'ERR_NO_AUTHORIZATION'],
  // Two values, the first well-formed: refused, never the first picked (unit level only; over the
  // wire node's HTTP/2 server has already dropped the second, see attacks.spec.ts group 1).
  [md('Bearer a.b.c', 'Bearer d.e.f'), 'ERR_MISSING_TOKEN', 'ERR_MULTIPLE_AUTHORIZATION'],
  [md('Bearer '), 'ERR_MISSING_TOKEN', 'ERR_EMPTY_TOKEN'],
  [md('Bearer  a.b.c'), 'ERR_INVALID_TOKEN', 'ERR_NOT_COMPACT_JWS'],
  [md('Token a.b.c'), 'ERR_MISSING_TOKEN', 'ERR_SCHEME'],
  [md(`Bearer ${'.'.repeat(1024 * 1024)}`), 'ERR_INVALID_TOKEN', 'ERR_TOKEN_TOO_LONG'],
  [md('Bearer a.b.'), 'ERR_INVALID_TOKEN', 'ERR_NOT_COMPACT_JWS'],
  [md('Bearer a.b.c.d.e'), 'ERR_INVALID_TOKEN', 'ERR_NOT_COMPACT_JWS'],
])('refuses %#: %s / %s', (metadata, code, reason) => {
  expect(() => extractBearerToken(metadata, 8192)).toThrow(
    expect.objectContaining({ code, reason }),
  );
});

it('accepts any case of the scheme and returns the token', () => {
  expect(extractBearerToken(md('bEaReR a.b.c'), 8192)).toBe('a.b.c');
});

it('rejects 1 MiB quickly, before any parsing', () => {
  const start = process.hrtime.bigint();
  expect(() => extractBearerToken(md(`Bearer ${'.'.repeat(1024 * 1024)}`), 8192)).toThrow();
  expect(Number(process.hrtime.bigint() - start) / 1e6).toBeLessThan(50);
});
