import { SUPPORTED_ALGORITHMS, loadStaticKeySetFromFile } from '@jwt-mesh/jwt-interceptor';
import type { EnvLike } from '@jwt-mesh/service-kit';
import { DEFAULT_ALGORITHMS } from './verifier-schema';

const ALGORITHMS: readonly string[] = SUPPORTED_ALGORITHMS;

/**
 * The checks across the verifier variables that a per-variable schema cannot express: every
 * JWT_ALGORITHMS entry is supported, at most one key source is set, and a JWT_PUBLIC_KEYS_FILE can
 * be read and holds keys for those algorithms (it is loaded once here, and again at start). They
 * read the raw environment, so they report even when another variable failed to parse. Append the result to the
 * problems from `loadConfig` and throw one ConfigError.
 * @example
 * verifierProblems({ JWKS_URL: 'http://a/jwks', JWT_PUBLIC_KEYS_FILE: '/k.json' });
 * // ['JWKS_URL, JWT_PUBLIC_KEYS_FILE: set one or the other, not both']
 */
export function verifierProblems(env: EnvLike): string[] {
  const raw = (name: string) => env[name]?.trim() || undefined;
  const problems = (raw('JWT_ALGORITHMS') ?? '')
    .split(',')
    .map((a) => a.trim())
    .filter((alg) => alg !== '' && !ALGORITHMS.includes(alg))
    .map((alg) => `JWT_ALGORITHMS: ${JSON.stringify(alg)} is not supported`);
  const file = raw('JWT_PUBLIC_KEYS_FILE');
  if (raw('JWKS_URL') && file) {
    problems.push('JWKS_URL, JWT_PUBLIC_KEYS_FILE: set one or the other, not both');
  } else if (file) {
    const algorithms = (raw('JWT_ALGORITHMS') ?? DEFAULT_ALGORITHMS.join(','))
      .split(',')
      .map((a) => a.trim())
      .filter((alg) => ALGORITHMS.includes(alg));
    try {
      if (algorithms.length > 0) loadStaticKeySetFromFile(file, algorithms).close();
    } catch (err) {
      // The loader's messages name the file and the problem (never key material).
      const message = String((err as Error).message).replace(/^path: /, '');
      problems.push(`JWT_PUBLIC_KEYS_FILE: ${message}`);
    }
  }
  return problems;
}
