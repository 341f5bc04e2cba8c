import { decodePageToken, encodePageToken } from './page-token';
import { assertMayReadUser, validatePageSize, validateUserId } from './user';

describe('user rules', () => {
  it('lets a caller read self, an admin read anyone, and no one else', () => {
    expect(() => assertMayReadUser({ subject: 'a', isAdmin: false }, 'a')).not.toThrow();
    expect(() => assertMayReadUser({ subject: 'x', isAdmin: true }, 'a')).not.toThrow();
    expect(() => assertMayReadUser({ subject: 'b', isAdmin: false }, 'a')).toThrow(
      expect.objectContaining({ code: 'ERR_PERMISSION_DENIED' }),
    );
  });

  it('validates ids and page sizes', () => {
    expect(() => validateUserId('')).toThrow('user_id is required');
    expect(() => validateUserId('x'.repeat(129))).toThrow(/at most 128/);
    expect(validatePageSize(0)).toBe(20);
    expect(() => validatePageSize(101)).toThrow('page_size must be 0..100');
  });

  it('round-trips page tokens and refuses malformed ones', () => {
    expect(decodePageToken(encodePageToken('usr_bob'))).toBe('usr_bob');
    expect(decodePageToken('')).toBeUndefined();
    const enc = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    for (const bad of ['%%', enc({ v: 1, a: '' }), enc({ v: 2, a: 'x' }), enc([1]), 'e30']) {
      expect(() => decodePageToken(bad)).toThrow(
        expect.objectContaining({
          code: 'ERR_INVALID_ARGUMENT',
          message: 'page_token is malformed',
        }),
      );
    }
  });
});
