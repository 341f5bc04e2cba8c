import { InvalidArgumentError } from './errors';

/**
 * Keyset cursor for "newest first" listing: the `seq` of the last order returned, bound to the user
 * whose orders are listed so that a token cannot be replayed against another filter.
 * Opaque to clients (base64url JSON); anything that does not decode to exactly this shape is refused.
 */
export interface OrderCursor {
  readonly userId: string;
  readonly beforeSeq: number;
}

const MAX_TOKEN_LENGTH = 512;

export function encodePageToken(cursor: OrderCursor): string {
  return Buffer.from(JSON.stringify({ v: 1, u: cursor.userId, s: cursor.beforeSeq })).toString(
    'base64url',
  );
}

/** Empty string means the first page. */
export function decodePageToken(
  token: string | undefined,
  userId: string,
): OrderCursor | undefined {
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
  const { v, u, s } = parsed as Record<string, unknown>;
  if (v !== 1 || typeof u !== 'string' || !Number.isSafeInteger(s) || (s as number) < 1)
    throw bad();
  if (u !== userId) throw new InvalidArgumentError('page_token does not match the request');
  return { userId: u, beforeSeq: s as number };
}
