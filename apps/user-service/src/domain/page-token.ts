import { InvalidArgumentError } from './errors';

/**
 * Keyset cursor for ListUsers (ordered by id): the last id returned. Opaque to clients (base64url
 * JSON); anything that does not decode to exactly this shape is refused with INVALID_ARGUMENT.
 */
const MAX_TOKEN_LENGTH = 512;

export function encodePageToken(afterId: string): string {
  return Buffer.from(JSON.stringify({ v: 1, a: afterId })).toString('base64url');
}

/** Empty string means the first page; otherwise the id to continue after. */
export function decodePageToken(token: string | undefined): string | undefined {
  if (!token) return undefined;
  const bad = () => new InvalidArgumentError('page_token is malformed');
  if (token.length > MAX_TOKEN_LENGTH || !/^[A-Za-z0-9_-]+$/.test(token)) throw bad();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw bad();
  }
  if (typeof parsed !== 'object' || parsed === null) throw bad();
  const { v, a } = parsed as Record<string, unknown>;
  if (v !== 1 || typeof a !== 'string' || a.length === 0) throw bad();
  return a;
}
