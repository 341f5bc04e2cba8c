import { UsageError } from './errors';

/** One order line as the OrderService expects it; cents stay an exact integer string (int64). */
export interface ItemInput {
  sku: string;
  quantity: number;
  unit_price_cents: string;
}

const SKU = /^[A-Z0-9-]{1,32}$/;
const DIGITS = /^\d+$/;
const INT64_MAX = 9223372036854775807n;

/**
 * Parses `SKU:QTY:CENTS`, e.g. `BOOK-1:2:1999` (2 × 19.99). Cents are digits only, never a
 * decimal: money stays integer end to end. Ranges the server owns (quantity ≤ 1000) are left to it.
 * @example
 * parseItem('BOOK-1:2:1999') // { sku: 'BOOK-1', quantity: 2, unit_price_cents: '1999' }
 */
export function parseItem(spec: string): ItemInput {
  const parts = spec.split(':');
  if (parts.length !== 3)
    throw new UsageError(`--item ${spec}: expected SKU:QTY:CENTS, e.g. BOOK-1:2:1999`);
  const [sku, qty, cents] = parts;
  if (!SKU.test(sku)) {
    throw new UsageError(`--item ${spec}: SKU must be 1..32 of A-Z, 0-9 and '-'`);
  }
  if (!DIGITS.test(qty) || Number(qty) < 1 || !Number.isSafeInteger(Number(qty))) {
    throw new UsageError(`--item ${spec}: QTY must be a whole number ≥ 1`);
  }
  if (!DIGITS.test(cents) || BigInt(cents) > INT64_MAX) {
    throw new UsageError(
      `--item ${spec}: CENTS must be whole cents (digits only, e.g. 1999 for 19.99)`,
    );
  }
  return { sku, quantity: Number(qty), unit_price_cents: BigInt(cents).toString() };
}

/** `1999` → `19.99`, `5` → `0.05`, exactly (string arithmetic, no floating point). */
export function formatCents(cents: string): string {
  const negative = cents.startsWith('-');
  const digits = (negative ? cents.slice(1) : cents).padStart(3, '0');
  const whole = digits.slice(0, -2).replace(/^0+(?=\d)/, '');
  return `${negative ? '-' : ''}${whole}.${digits.slice(-2)}`;
}
