import { keySourceOf } from './key-source';
import { DEFAULT_JWKS_URL } from './verifier-schema';

describe('keySourceOf', () => {
  it('prefers the static file, then JWKS_URL, then the default JWKS URL', () => {
    expect(keySourceOf({ JWT_PUBLIC_KEYS_FILE: '/k.json' })).toEqual({
      kind: 'file',
      path: '/k.json',
    });
    expect(keySourceOf({ JWKS_URL: 'https://auth.test/jwks' })).toEqual({
      kind: 'jwks',
      url: 'https://auth.test/jwks',
    });
    expect(keySourceOf({})).toEqual({ kind: 'jwks', url: DEFAULT_JWKS_URL });
  });
});
