import { InvalidArgumentError } from './errors';
import type { LineItem } from './order';

export const LIMITS = Object.freeze({
  maxItems: 100,
  minQuantity: 1,
  maxQuantity: 1000,
  maxIdempotencyKeyLength: 128,
  maxIdLength: 128,
  defaultPageSize: 20,
  maxPageSize: 100,
});

const SKU = /^[A-Z0-9][A-Z0-9-]{0,31}$/;
const CANONICAL_UINT = /^(0|[1-9][0-9]*)$/;
const PRINTABLE_ASCII = /^[\x20-\x7e]+$/;
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** An item as it arrives from the wire (int64 as a decimal string: loader option `longs: String`). */
export interface RawItem {
  readonly sku?: unknown;
  readonly quantity?: unknown;
  readonly unit_price_cents?: unknown;
}

/**
 * Checks the items of a new order and computes its total exactly (BigInt), refusing totals that would
 * not survive a round trip through a JavaScript number.
 * @example
 * validateItems([{ sku: 'SKU-1', quantity: 2, unit_price_cents: '250' }]) // { items, totalCents: 500 }
 */
export function validateItems(raw: readonly RawItem[] | undefined): {
  items: LineItem[];
  totalCents: number;
} {
  if (!raw || raw.length === 0) throw new InvalidArgumentError('items must not be empty');
  if (raw.length > LIMITS.maxItems) {
    throw new InvalidArgumentError(`items must have at most ${LIMITS.maxItems} entries`);
  }
  let total = 0n;
  const items = raw.map((item, i): LineItem => {
    const field = `items[${i}]`;
    if (typeof item.sku !== 'string' || !SKU.test(item.sku)) {
      throw new InvalidArgumentError(`${field}.sku must match ${SKU.source}`);
    }
    const q = item.quantity;
    if (
      typeof q !== 'number' ||
      !Number.isInteger(q) ||
      q < LIMITS.minQuantity ||
      q > LIMITS.maxQuantity
    ) {
      throw new InvalidArgumentError(
        `${field}.quantity must be ${LIMITS.minQuantity}..${LIMITS.maxQuantity}`,
      );
    }
    const price = parseCents(item.unit_price_cents);
    if (price === undefined) {
      throw new InvalidArgumentError(`${field}.unit_price_cents must be a non-negative integer`);
    }
    if (price > MAX_SAFE) {
      throw new InvalidArgumentError(`${field}.unit_price_cents must be at most ${MAX_SAFE}`);
    }
    total += price * BigInt(q);
    return { sku: item.sku, quantity: q, unitPriceCents: Number(price) };
  });
  if (total > MAX_SAFE) {
    throw new InvalidArgumentError(`items: total_cents must be at most ${MAX_SAFE}`);
  }
  return { items, totalCents: Number(total) };
}

function parseCents(value: unknown): bigint | undefined {
  if (typeof value === 'string') return CANONICAL_UINT.test(value) ? BigInt(value) : undefined;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return BigInt(value);
  return undefined;
}

/** Empty means "no key". Otherwise 1..128 printable ASCII characters. */
export function validateIdempotencyKey(key: string | undefined): string | null {
  if (!key) return null;
  if (key.length > LIMITS.maxIdempotencyKeyLength || !PRINTABLE_ASCII.test(key)) {
    throw new InvalidArgumentError(
      `idempotency_key must be 1..${LIMITS.maxIdempotencyKeyLength} printable ASCII characters`,
    );
  }
  return key;
}

/** A required id field: non-empty, bounded length. */
export function validateId(field: string, value: string | undefined): string {
  if (!value) throw new InvalidArgumentError(`${field} is required`);
  if (value.length > LIMITS.maxIdLength) {
    throw new InvalidArgumentError(`${field} must be at most ${LIMITS.maxIdLength} characters`);
  }
  return value;
}

/** 0 means the default; anything else must be 1..100. */
export function validatePageSize(pageSize: number | undefined): number {
  const n = pageSize ?? 0;
  if (!Number.isInteger(n) || n < 0 || n > LIMITS.maxPageSize) {
    throw new InvalidArgumentError(`page_size must be 0..${LIMITS.maxPageSize}`);
  }
  return n === 0 ? LIMITS.defaultPageSize : n;
}
