import { CompactSign } from 'jose';
import type { TestKeys } from './test-keys';

/** Defaults used by {@link signTestToken}; pass the same values to the interceptor under test. */
export const TEST_ISSUER = 'https://issuer.test';
export const TEST_AUDIENCE = 'test-service';

/** Options of {@link signTestToken}. */
export interface SignTestTokenOptions {
  keys: TestKeys;
  /** Merged over `{ alg, typ: 'at+jwt', kid }`; a key set to `undefined` is removed. */
  header?: Record<string, unknown>;
  issuer?: string;
  audience?: string | string[];
  /** Seconds from `now` to `exp` (default 300). */
  expiresInSeconds?: number;
  /** Clock for iat/nbf/exp (default the real one). */
  now?: Date;
}

function withoutUndefined(obj: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined));
}

/**
 * Signs the payload text exactly as given (for claims JSON cannot express, like `1e400`).
 *
 * @example
 * ```ts
 * const jwt = await signRawPayload('{"sub":"u","exp":1e400}', { keys });
 * ```
 */
export function signRawPayload(
  payloadText: string,
  opts: Pick<SignTestTokenOptions, 'keys' | 'header'>,
): Promise<string> {
  const header = withoutUndefined({
    alg: opts.keys.alg,
    typ: 'at+jwt',
    kid: opts.keys.kid,
    ...opts.header,
  });
  return new CompactSign(new TextEncoder().encode(payloadText))
    .setProtectedHeader(header as { alg: string })
    .sign(opts.keys.privateKey);
}

/**
 * Signs an access token with test keys. Defaults: `iss` TEST_ISSUER, `aud` TEST_AUDIENCE,
 * `iat`/`nbf` now, `exp` now + 300, header `{ alg, typ: 'at+jwt', kid }`. `claims` override them;
 * a claim set to `undefined` is left out (e.g. `{ exp: undefined }`).
 *
 * @example
 * ```ts
 * const jwt = await signTestToken({ sub: 'usr_alice', roles: ['customer'] }, { keys });
 * ```
 */
export function signTestToken(
  claims: Record<string, unknown>,
  opts: SignTestTokenOptions,
): Promise<string> {
  const nowS = Math.floor((opts.now ?? new Date()).getTime() / 1000);
  const payload = withoutUndefined({
    iss: opts.issuer ?? TEST_ISSUER,
    aud: opts.audience ?? TEST_AUDIENCE,
    iat: nowS,
    nbf: nowS,
    exp: nowS + (opts.expiresInSeconds ?? 300),
    ...claims,
  });
  return signRawPayload(JSON.stringify(payload), opts);
}
