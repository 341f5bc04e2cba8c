import { SUPPORTED_ALGORITHMS } from '@jwt-mesh/jwt-interceptor';
import type { EnvLike } from '@jwt-mesh/service-kit';

const ALGORITHMS: readonly string[] = SUPPORTED_ALGORITHMS;

/**
 * The checks across the verifier variables that a per-variable schema cannot express: every
 * JWT_ALGORITHMS entry is supported, and at most one key source is set. They read the raw
 * environment, so they report even when another variable failed to parse. Append the result to the
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
  if (raw('JWKS_URL') && raw('JWT_PUBLIC_KEYS_FILE')) {
    problems.push('JWKS_URL, JWT_PUBLIC_KEYS_FILE: set one or the other, not both');
  }
  return problems;
}
