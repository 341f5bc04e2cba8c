import type { JWTPayload } from 'jose';
import { buildPrincipal } from './principal';

const opts = { subjectClaim: 'sub', rolesClaim: 'roles' };

it('reads roles as array or space-delimited string, scopes from scope or scp', () => {
  expect(buildPrincipal({ sub: 'u', roles: ['a', 'b'], scope: 'x y' }, opts)).toMatchObject({
    subject: 'u',
    roles: ['a', 'b'],
    scopes: ['x', 'y'],
  });
  expect(buildPrincipal({ sub: 'u', roles: 'a  b', scp: ['x'] }, opts)).toMatchObject({
    roles: ['a', 'b'],
    scopes: ['x'],
  });
  expect(buildPrincipal({ sub: 'u' }, opts)).toMatchObject({ roles: [], scopes: [] });
});

it('is deeply frozen and detached from the payload', () => {
  const payload = { sub: 'u', nested: { a: 1 } };
  const p = buildPrincipal(payload, opts);
  expect(Object.isFrozen(p.claims)).toBe(true);
  expect(Object.isFrozen((p.claims as { nested: object }).nested)).toBe(true);
  payload.nested.a = 2;
  expect((p.claims as { nested: { a: number } }).nested.a).toBe(1);
});

it.each([
  [{ roles: ['a'] }, 'ERR_MISSING_SUBJECT'],
  [{ sub: '' }, 'ERR_MISSING_SUBJECT'],
  [{ sub: 42 }, 'ERR_MISSING_SUBJECT'],
  [{ sub: 'u', roles: [1] }, 'ERR_INVALID_ROLES'],
  [{ sub: 'u', scope: ['x'], scp: 'y' }, 'ERR_INVALID_SCOPE'],
])('refuses %j with %s', (payload, reason) => {
  expect(() => buildPrincipal(payload as JWTPayload, opts)).toThrow(
    expect.objectContaining({ reason }),
  );
});
