import type { Metadata } from '@grpc/grpc-js';
import { InvalidTokenError, MissingTokenError } from '../errors/auth-error';

// Three base64url segments; the signature may not be empty (that is `alg: none`).
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
const SCHEME = /^bearer$/i;

/**
 * The compact JWS from `authorization: Bearer <jwt>`. The length cap is checked before any other
 * parsing, so a 1 MiB header costs one comparison. Exactly one value, scheme case-insensitive,
 * exactly one space.
 */
export function extractBearerToken(metadata: Metadata, maxTokenLength: number): string {
  const values = metadata.get('authorization');
  if (values.length === 0) throw new MissingTokenError('ERR_NO_AUTHORIZATION');
  // Two values could be read differently by different hops; refuse rather than pick one. Over node's
  // HTTP/2 server this never fires (it keeps only the first copy; see README "Known limits").
  if (values.length > 1) throw new MissingTokenError('ERR_MULTIPLE_AUTHORIZATION');
  const value = values[0];
  if (typeof value !== 'string') throw new MissingTokenError('ERR_MALFORMED_AUTHORIZATION');
  if (value.length > maxTokenLength + 7) throw new InvalidTokenError('ERR_TOKEN_TOO_LONG');
  const space = value.indexOf(' ');
  if (space < 0 || !SCHEME.test(value.slice(0, space))) throw new MissingTokenError('ERR_SCHEME');
  const token = value.slice(space + 1);
  if (token.length === 0) throw new MissingTokenError('ERR_EMPTY_TOKEN');
  if (token.length > maxTokenLength) throw new InvalidTokenError('ERR_TOKEN_TOO_LONG');
  if (!COMPACT_JWS.test(token)) throw new InvalidTokenError('ERR_NOT_COMPACT_JWS');
  return token;
}
