import { createTestKeyFile } from '@jwt-mesh/jwt-interceptor/testing';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { verifierProblems } from './verifier-problems';

const keys = createTestKeyFile();
const { dir, file: keyFile } = keys;
afterAll(() => keys.remove());

describe('verifierProblems', () => {
  it('accepts the defaults, one key source, and any list of supported algorithms', () => {
    expect(verifierProblems({})).toEqual([]);
    expect(verifierProblems({ JWKS_URL: 'http://a/jwks' })).toEqual([]);
    expect(verifierProblems({ JWT_PUBLIC_KEYS_FILE: keyFile })).toEqual([]);
    expect(verifierProblems({ JWT_ALGORITHMS: ' ES256, EdDSA ,,RS256' })).toEqual([]);
  });

  it('refuses both key sources at once', () => {
    expect(
      verifierProblems({ JWKS_URL: 'http://a/jwks', JWT_PUBLIC_KEYS_FILE: '/k.json' }),
    ).toEqual(['JWKS_URL, JWT_PUBLIC_KEYS_FILE: set one or the other, not both']);
    // blank counts as unset, as in loadConfig
    expect(verifierProblems({ JWKS_URL: 'http://a/jwks', JWT_PUBLIC_KEYS_FILE: '  ' })).toEqual([]);
  });

  it('refuses a key file that is missing, not keys, or holds none for the algorithms', () => {
    const missing = join(dir, 'nope.json');
    expect(verifierProblems({ JWT_PUBLIC_KEYS_FILE: missing })).toEqual([
      `JWT_PUBLIC_KEYS_FILE: cannot read ${missing} (ENOENT)`,
    ]);
    const garbage = join(dir, 'garbage.txt');
    writeFileSync(garbage, 'hello');
    expect(verifierProblems({ JWT_PUBLIC_KEYS_FILE: garbage })).toEqual([
      `JWT_PUBLIC_KEYS_FILE: ${garbage} is neither PEM nor JSON`,
    ]);
    const [rsOnly] = verifierProblems({ JWT_PUBLIC_KEYS_FILE: keyFile, JWT_ALGORITHMS: 'RS256' });
    expect(rsOnly).toMatch(/^JWT_PUBLIC_KEYS_FILE: /);
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
