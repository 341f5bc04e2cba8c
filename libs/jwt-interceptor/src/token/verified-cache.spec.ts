import { buildPrincipal } from '../principal/principal';
import { VerifiedTokenCache } from './verified-cache';

const principal = buildPrincipal({ sub: 'u' }, { subjectClaim: 'sub', rolesClaim: 'roles' });

it('never serves an entry at or after the token exp', () => {
  const cache = new VerifiedTokenCache(10);
  cache.set('t', principal, 100, 50);
  expect(cache.get('t', 99_999, 30_000)).toBe(principal);
  expect(cache.get('t', 100_000, 30_000)).toBeUndefined();
  expect(cache.get('t', 99_000, 30_000)).toBeUndefined(); // dropped, not resurrected
});

it('misses when the clock moved back before nbf - tolerance', () => {
  const cache = new VerifiedTokenCache(10);
  cache.set('t', principal, 100, 50);
  expect(cache.get('t', 10_000, 30_000)).toBeUndefined();
});

it('is keyed by the exact token string', () => {
  const cache = new VerifiedTokenCache(10);
  cache.set('a.b.c', principal, 100, undefined);
  expect(cache.get('a.b.c ', 1, 0)).toBeUndefined();
  expect(cache.get('A.b.c', 1, 0)).toBeUndefined();
});
