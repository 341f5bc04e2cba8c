import { verifierProblems } from './verifier-problems';

describe('verifierProblems', () => {
  it('accepts the defaults, one key source, and any list of supported algorithms', () => {
    expect(verifierProblems({})).toEqual([]);
    expect(verifierProblems({ JWKS_URL: 'http://a/jwks' })).toEqual([]);
    expect(verifierProblems({ JWT_PUBLIC_KEYS_FILE: '/k.json' })).toEqual([]);
    expect(verifierProblems({ JWT_ALGORITHMS: ' ES256, EdDSA ,,RS256' })).toEqual([]);
  });

  it('refuses both key sources at once', () => {
    expect(
      verifierProblems({ JWKS_URL: 'http://a/jwks', JWT_PUBLIC_KEYS_FILE: '/k.json' }),
    ).toEqual(['JWKS_URL, JWT_PUBLIC_KEYS_FILE: set one or the other, not both']);
    // blank counts as unset, as in loadConfig
    expect(verifierProblems({ JWKS_URL: 'http://a/jwks', JWT_PUBLIC_KEYS_FILE: '  ' })).toEqual([]);
  });

  it('names every unsupported algorithm, symmetric ones included', () => {
    expect(verifierProblems({ JWT_ALGORITHMS: 'ES256,HS256,none' })).toEqual([
      'JWT_ALGORITHMS: "HS256" is not supported',
      'JWT_ALGORITHMS: "none" is not supported',
    ]);
  });

  it('reports algorithm and key-source problems together', () => {
    expect(
      verifierProblems({
        JWT_ALGORITHMS: 'HS512',
        JWKS_URL: 'not a url',
        JWT_PUBLIC_KEYS_FILE: '/k.json',
      }),
    ).toEqual([
      'JWT_ALGORITHMS: "HS512" is not supported',
      'JWKS_URL, JWT_PUBLIC_KEYS_FILE: set one or the other, not both',
    ]);
  });
});
