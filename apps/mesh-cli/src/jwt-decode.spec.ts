import { decodeJwt, tamperJwt } from './jwt-decode';

const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
const token = (claims: object) =>
  `${b64({ alg: 'ES256', typ: 'at+jwt', kid: 'kid-1' })}.${b64(claims)}.c2ln`;
const claims = { sub: 'usr_alice', roles: ['customer'] };

describe('jwt-decode', () => {
  it('refuses what is not a compact JWT', () => {
    expect(() => decodeJwt('abc')).toThrow(TypeError);
    expect(() => decodeJwt('a.b.c')).toThrow(TypeError);
  });

  it('tamperJwt changes the payload and keeps header and signature', () => {
    const original = token(claims);
    const forged = tamperJwt(original, (c) => {
      c.roles = ['admin'];
    });
    const [h1, p1, s1] = original.split('.');
    const [h2, p2, s2] = forged.split('.');
    expect([h2, s2]).toEqual([h1, s1]);
    expect(p2).not.toBe(p1);
    expect(decodeJwt(forged).claims.roles).toEqual(['admin']);
  });
});
