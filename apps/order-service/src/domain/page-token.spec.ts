import { decodePageToken, encodePageToken } from './page-token';

describe('page tokens', () => {
  it('round-trips a cursor and treats empty as the first page', () => {
    const token = encodePageToken({ userId: 'usr_alice', beforeSeq: 42 });
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodePageToken(token, 'usr_alice')).toEqual({ userId: 'usr_alice', beforeSeq: 42 });
    expect(decodePageToken('', 'usr_alice')).toBeUndefined();
  });

  const enc = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  it.each([
    'not base64!',
    enc('x'),
    enc(null),
    enc({ v: 2, u: 'usr_alice', s: 1 }),
    enc({ v: 1, u: 'usr_alice', s: 0 }),
    enc({ v: 1, u: 'usr_alice', s: 1.5 }),
    enc({ v: 1, u: 'usr_alice', s: '3' }),
    Buffer.from('{"v":1').toString('base64url'),
    'A'.repeat(600),
  ])('refuses malformed token %#', (token) => {
    expect(() => decodePageToken(token, 'usr_alice')).toThrow(
      expect.objectContaining({ code: 'ERR_INVALID_ARGUMENT', message: 'page_token is malformed' }),
    );
  });

  it('refuses a token minted for another user filter', () => {
    const token = encodePageToken({ userId: 'usr_bob', beforeSeq: 5 });
    expect(() => decodePageToken(token, 'usr_alice')).toThrow(
      'page_token does not match the request',
    );
  });
});
