import { InvalidTokenError } from '../errors/auth-error';

/** The protected header fields we act on after our checks. */
export interface CheckedHeader {
  readonly alg: string;
  readonly kid: string | undefined;
}

/** Header members that would let the token choose its own key; we never trust them. */
const KEY_CARRYING = ['jwk', 'jku', 'x5u', 'x5c'];

/** `typ` per RFC 8725 §3.11: case-insensitive, `application/` prefix optional. */
export function normalizeTyp(typ: string): string {
  const lower = typ.toLowerCase();
  return lower.startsWith('application/') ? lower.slice('application/'.length) : lower;
}

function decodeSegment(segment: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidTokenError('ERR_JWS_INVALID');
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new InvalidTokenError('ERR_JWS_INVALID');
  }
  return value as Record<string, unknown>;
}

/**
 * Checks the protected header before any key lookup or signature work: `alg` exactly in the
 * allow-list (so `none`, `None`, HS256 never get further), no key-carrying members, no `crit`
 * (we understand no extension), the expected `typ`, and a string `kid` of sane length.
 */
export function checkHeader(
  token: string,
  opts: { algorithms: readonly string[]; typ: string | false },
): CheckedHeader {
  const header = decodeSegment(token.slice(0, token.indexOf('.')));
  const { alg, kid, typ, crit } = header;
  if (typeof alg !== 'string' || !opts.algorithms.includes(alg)) {
    throw new InvalidTokenError('ERR_ALG_NOT_ALLOWED');
  }
  if (KEY_CARRYING.some((m) => m in header))
    throw new InvalidTokenError('ERR_UNTRUSTED_KEY_HEADER');
  if (crit !== undefined) throw new InvalidTokenError('ERR_CRIT_UNSUPPORTED');
  if ('b64' in header) throw new InvalidTokenError('ERR_B64_UNSUPPORTED');
  if (
    opts.typ !== false &&
    (typeof typ !== 'string' || normalizeTyp(typ) !== normalizeTyp(opts.typ))
  ) {
    throw new InvalidTokenError('ERR_TYP_MISMATCH');
  }
  if (kid !== undefined && (typeof kid !== 'string' || kid.length === 0 || kid.length > 256)) {
    throw new InvalidTokenError('ERR_INVALID_KID');
  }
  return { alg, kid: kid as string | undefined };
}
