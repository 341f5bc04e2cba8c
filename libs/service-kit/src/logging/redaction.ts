import { Metadata } from '@grpc/grpc-js';

/** What replaces a redacted value. Tests assert it appears. */
export const REDACTED = '[Redacted]';

const SENSITIVE = [
  'authorization',
  'Authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'token',
  'tokens',
  'access_token',
  'refresh_token',
  'id_token',
  'accessToken',
  'refreshToken',
  'password',
  'secret',
  'client_secret',
  'privateKey',
  'private_key',
];

const IDENT = /^[A-Za-z_$][\w$]*$/;
const segment = (key: string) => (IDENT.test(key) ? `.${key}` : `["${key}"]`);

/**
 * pino redaction paths: each sensitive key at the top level and two levels down (`{ headers: {...} }`,
 * `{ req: { headers: {...} } }`). Paths are case-sensitive; gRPC metadata keys are lowercase.
 */
export const REDACT_PATHS: readonly string[] = SENSITIVE.flatMap((k) => [
  segment(k).replace(/^\./, ''),
  `*${segment(k)}`,
  `*.*${segment(k)}`,
]);

const SENSITIVE_KEY = /authorization|cookie|token|password|secret|private/i;

function isMetadata(value: unknown): value is Metadata {
  return (
    value instanceof Metadata ||
    (typeof value === 'object' &&
      value !== null &&
      typeof (value as Metadata).getMap === 'function' &&
      (value as { internalRepr?: unknown }).internalRepr instanceof Map)
  );
}

/**
 * `Metadata` has a `toJSON()` that pino would call after redaction ran, so a `Metadata` logged by
 * mistake would print `authorization` in clear. Turn it into a plain, already-redacted object first.
 */
export function sanitizeMetadata(value: unknown): unknown {
  if (!isMetadata(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, values] of Object.entries(value.toJSON())) {
    out[key] = SENSITIVE_KEY.test(key)
      ? REDACTED
      : values.map((v) => (Buffer.isBuffer(v) ? '<binary>' : v));
  }
  return out;
}

/** pino `formatters.log`: sanitizes `Metadata` values at the top level of a log object. */
export function sanitizeLogObject(obj: Record<string, unknown>): Record<string, unknown> {
  if (isMetadata(obj)) return { metadata: sanitizeMetadata(obj) };
  let copy: Record<string, unknown> | undefined;
  for (const [key, value] of Object.entries(obj)) {
    if (isMetadata(value)) {
      copy ??= { ...obj };
      copy[key] = sanitizeMetadata(value);
    }
  }
  return copy ?? obj;
}
