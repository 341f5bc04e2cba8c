import type { Metadata } from '@grpc/grpc-js';
import { randomUUID } from 'node:crypto';

/** The metadata key that carries the request id, in both directions and downstream. */
export const REQUEST_ID_HEADER = 'x-request-id';

const VALID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * True for ids we accept from callers: 1..128 of `[A-Za-z0-9._:-]` (safe to log and forward).
 * @example
 * isValidRequestId('req-42'); // true
 * isValidRequestId('a b'); // false
 */
export function isValidRequestId(value: unknown): value is string {
  return typeof value === 'string' && VALID.test(value);
}

/**
 * The caller's id when it sent exactly one valid `x-request-id`, else a fresh UUID. Anything else is
 * replaced rather than trusted: the id ends up in every log line and in downstream calls.
 */
export function requestIdFrom(metadata: Metadata): string {
  const values = metadata.get(REQUEST_ID_HEADER);
  return values.length === 1 && isValidRequestId(values[0]) ? values[0] : randomUUID();
}
