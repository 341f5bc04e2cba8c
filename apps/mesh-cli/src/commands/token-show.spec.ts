import { decodeJwt } from '../jwt-decode';
import { formatToken } from './token-show';

const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
const NOW = new Date('2026-12-03T19:00:00.000Z');
const nowS = NOW.getTime() / 1000;
const SIGNATURE = 'c2lnbmF0dXJlLWJ5dGVzLXRoYXQtbXVzdC1uZXZlci1iZS1wcmludGVk';
const token = (claims: object) =>
  `${b64({ alg: 'ES256', typ: 'at+jwt', kid: 'kid-1' })}.${b64(claims)}.${SIGNATURE}`;

describe('token show formatting', () => {
  const claims = {
    iss: 'http://127.0.0.1:8080',
    sub: 'usr_alice',
    aud: ['order-service', 'user-service'],
    iat: nowS - 57,
    exp: nowS + 843,
    roles: ['customer'],
    jti: 'j1',
  };

  it('shows header and claims, expiry in human terms, and says the signature is not checked', () => {
    const text = formatToken(decodeJwt(token(claims)), NOW, 'alice').join('\n');
    expect(text).toMatch(/Access token of alice: expires in 14m 3s/);
    expect(text).toMatch(/Signature: NOT checked/);
    expect(text).toMatch(/alg\s+ES256/);
    expect(text).toMatch(/kid\s+kid-1/);
    expect(text).toMatch(/aud\s+order-service, user-service/);
    expect(text).toMatch(/exp\s+2026-12-03T19:14:03.000Z \(expires in 14m 3s\)/);
    expect(text).toMatch(/iat\s+2026-12-03T18:59:03.000Z \(57s ago\)/);
    expect(text).not.toContain(SIGNATURE);
  });

  it('says expired for an old token', () => {
    const text = formatToken(decodeJwt(token({ ...claims, exp: nowS - 120 })), NOW).join('\n');
    expect(text).toMatch(/expired 2m ago/);
  });
});
