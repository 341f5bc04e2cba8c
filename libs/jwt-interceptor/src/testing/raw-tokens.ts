import { createHmac } from 'node:crypto';

/**
 * base64url of a JSON value, or of a string taken as the exact JSON text.
 *
 * @example
 * ```ts
 * encodeSegment({ alg: 'none' });
 * ```
 */
export function encodeSegment(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return Buffer.from(text, 'utf8').toString('base64url');
}

/**
 * An unsigned (or arbitrarily "signed") compact token from header and payload, for attack tests.
 *
 * @example
 * ```ts
 * const none = unsignedToken({ alg: 'none' }, { sub: 'admin', roles: ['admin'] });
 * ```
 */
export function unsignedToken(header: unknown, payload: unknown, signature = ''): string {
  return `${encodeSegment(header)}.${encodeSegment(payload)}.${signature}`;
}

/**
 * Re-signs header and payload with HMAC-SHA256 over `secret` (e.g. the public key's PEM text):
 * the algorithm-confusion attack.
 *
 * @example
 * ```ts
 * const forged = hmacToken({ alg: 'HS256', typ: 'at+jwt' }, claims, keys.publicPem);
 * ```
 */
export function hmacToken(header: unknown, payload: unknown, secret: string | Uint8Array): string {
  const input = `${encodeSegment(header)}.${encodeSegment(payload)}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}

/**
 * The same token with its signature replaced by `bytes` (e.g. 64 zero bytes).
 *
 * @example
 * ```ts
 * const zeroed = replaceSignature(jwt, new Uint8Array(64));
 * ```
 */
export function replaceSignature(token: string, bytes: Uint8Array): string {
  const [h, p] = token.split('.');
  return `${h}.${p}.${Buffer.from(bytes).toString('base64url')}`;
}
