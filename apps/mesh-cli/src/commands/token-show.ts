import type { AppContext } from '../context';
import { describeExpiry, describePast } from '../duration';
import { CliError } from '../errors';
import { EXIT } from '../exit-codes';
import { decodeJwt, type DecodedJwt } from '../jwt-decode';
import { table } from '../output';

const TIME_CLAIMS = new Set(['iat', 'nbf', 'exp']);

function show(v: unknown): string {
  if (Array.isArray(v)) return v.map(String).join(', ');
  return typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v);
}

/** The human view of a decoded token; exported for tests. Never prints the raw token or signature. */
export function formatToken(d: DecodedJwt, now: Date, username?: string): string[] {
  const claimRows = Object.entries(d.claims).map(([k, v]): [string, string] => {
    if (!TIME_CLAIMS.has(k) || typeof v !== 'number') return [k, show(v)];
    const iso = new Date(v * 1000).toISOString();
    return [k, `${iso} (${k === 'exp' ? describeExpiry(v, now) : describePast(v, now)})`];
  });
  const exp = d.claims.exp;
  return [
    `Access token${username ? ` of ${username}` : ''}: ${typeof exp === 'number' ? describeExpiry(exp, now) : 'no exp claim'}`,
    'Signature: NOT checked by this command (decoding is not verifying; the services verify it).',
    'Header:',
    ...table(
      Object.entries(d.header).map(([k, v]): [string, string] => [k, show(v)]),
      '  ',
    ),
    'Claims:',
    ...table(claimRows, '  '),
  ];
}

/** `token show`: decoded header and claims of the saved access token. */
export function tokenShow(ctx: AppContext): void {
  const s = ctx.requireSession();
  let decoded: DecodedJwt;
  try {
    decoded = decodeJwt(s.access_token);
  } catch (err) {
    throw new CliError(
      'ERR_BAD_TOKEN',
      EXIT.FAILURE,
      `saved token cannot be decoded: ${(err as Error).message}`,
    );
  }
  const now = ctx.now();
  const exp = typeof decoded.claims.exp === 'number' ? decoded.claims.exp : undefined;
  const remaining = exp === undefined ? null : exp - Math.floor(now.getTime() / 1000);
  ctx.out.result(
    {
      username: s.username,
      header: decoded.header,
      claims: decoded.claims,
      expires_in_seconds: remaining,
      expired: remaining !== null && remaining <= 0,
      signature_checked: false,
    },
    formatToken(decoded, now, s.username),
  );
}
