/** A JWT split into its decoded parts. The signature is never verified here. */
export interface DecodedJwt {
  header: Record<string, unknown>;
  claims: Record<string, unknown>;
}

function decodePart(part: string, what: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  } catch {
    throw new TypeError(`token ${what} is not base64url JSON`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new TypeError(`token ${what} is not a JSON object`);
  }
  return value as Record<string, unknown>;
}

/**
 * Decodes a compact JWS WITHOUT checking its signature: for display only, never for decisions.
 * @example
 * decodeJwt(session.access_token).claims.exp
 */
export function decodeJwt(token: string): DecodedJwt {
  const parts = token.split('.');
  if (parts.length !== 3)
    throw new TypeError('not a compact JWT (expected three dot-separated parts)');
  return { header: decodePart(parts[0], 'header'), claims: decodePart(parts[1], 'payload') };
}

/**
 * Rewrites the payload and keeps the original header and signature: a forged token, for the demo
 * that shows every service refusing it.
 */
export function tamperJwt(token: string, edit: (claims: Record<string, unknown>) => void): string {
  const [header, , signature] = token.split('.');
  const { claims } = decodeJwt(token);
  edit(claims);
  return `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
}
