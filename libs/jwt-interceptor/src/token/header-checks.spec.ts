import { encodeSegment } from '../testing';
import { checkHeader, normalizeTyp } from './header-checks';

const tok = (header: unknown): string => `${encodeSegment(header)}.e30.c2ln`;
const opts = { algorithms: ['ES256'], typ: 'at+jwt' as const };

it.each([
  [{ alg: 'ES256', typ: 'at+jwt', crit: ['exp'], exp: 1 }, 'ERR_CRIT_UNSUPPORTED'],
  [{ alg: 'ES256', typ: 'at+jwt', x5c: ['MIIB'] }, 'ERR_UNTRUSTED_KEY_HEADER'],
  [{ alg: 'ES256', typ: 'at+jwt', b64: false }, 'ERR_B64_UNSUPPORTED'],
  [{ alg: 'es256', typ: 'at+jwt' }, 'ERR_ALG_NOT_ALLOWED'],
  [{ alg: 'ES256', typ: 'at+jwt', kid: 'k'.repeat(300) }, 'ERR_INVALID_KID'],
  [{ alg: 'ES256', typ: 'jwt' }, 'ERR_TYP_MISMATCH'],
  ['[1,2]', 'ERR_JWS_INVALID'],
])('refuses header %j (%s)', (header, reason) => {
  expect(() => checkHeader(tok(header), opts)).toThrow(expect.objectContaining({ reason }));
});

it('normalizes typ per RFC 8725', () => {
  expect(normalizeTyp('application/AT+JWT')).toBe('at+jwt');
  expect(checkHeader(tok({ alg: 'ES256', typ: 'Application/At+Jwt', kid: 'k' }), opts)).toEqual({
    alg: 'ES256',
    kid: 'k',
  });
  expect(checkHeader(tok({ alg: 'ES256' }), { ...opts, typ: false })).toEqual({
    alg: 'ES256',
    kid: undefined,
  });
});
