import { DEFAULT_JWKS_URL } from './verifier-schema';

/** Where verification keys come from: exactly one source. */
export type KeySource = { kind: 'jwks'; url: string } | { kind: 'file'; path: string };

/**
 * The one key source the parsed values name: the static file when set, else JWKS_URL, else
 * DEFAULT_JWKS_URL. `verifierProblems` has already refused both being set.
 * @example
 * keySourceOf({ JWT_PUBLIC_KEYS_FILE: '/keys/jwks.json' }); // { kind: 'file', path: '/keys/jwks.json' }
 */
export function keySourceOf(values: {
  readonly JWKS_URL?: string | undefined;
  readonly JWT_PUBLIC_KEYS_FILE?: string | undefined;
}): KeySource {
  return values.JWT_PUBLIC_KEYS_FILE
    ? { kind: 'file', path: values.JWT_PUBLIC_KEYS_FILE }
    : { kind: 'jwks', url: values.JWKS_URL ?? DEFAULT_JWKS_URL };
}
