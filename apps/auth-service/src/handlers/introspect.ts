import type { IntrospectRequest__Output, IntrospectResponse } from '@jwt-mesh/contracts';
import { unary } from '@jwt-mesh/service-kit';
import { MAX_TOKEN_LENGTH, type AccessTokens } from '../domain/access-tokens';
import { IntrospectionDisabledError, InvalidArgumentError } from '../errors';

const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];

/**
 * Introspect: RFC 7662 §2.2, for the benchmark's reference-token baseline only. Off by default
 * (FAILED_PRECONDITION): it takes no caller credentials, which RFC 7662 §2.1 asks for, so a
 * deployment must not answer it. Anything invalid (expired, unknown key, wrong issuer, garbage) is
 * `{ active: false }` and nothing else.
 */
export function introspectHandler(tokens: AccessTokens, enabled: boolean) {
  return unary<IntrospectRequest__Output, IntrospectResponse>(async (call) => {
    if (!enabled) throw new IntrospectionDisabledError();
    const token = call.request.token;
    if (token.length > MAX_TOKEN_LENGTH)
      throw new InvalidArgumentError('token', `is longer than ${MAX_TOKEN_LENGTH} characters`);
    const verified = await tokens.verify(token);
    if (!verified) return { active: false };
    const p = verified.payload;
    return {
      active: true,
      sub: p.sub,
      exp: p.exp,
      iat: p.iat,
      iss: p.iss,
      aud: typeof p.aud === 'string' ? [p.aud] : strings(p.aud),
      scope: typeof p.scope === 'string' ? p.scope : '',
      roles: strings(p.roles),
      jti: p.jti,
      token_type: 'Bearer',
    };
  });
}
