import { InvalidArgumentError } from './errors';
import { validateId, validateIdempotencyKey, validateItems, validatePageSize } from './validate';

const item = (over: Record<string, unknown> = {}) => ({
  sku: 'SKU-1',
  quantity: 1,
  unit_price_cents: '100',
  ...over,
});

function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(InvalidArgumentError);
    expect((err as InvalidArgumentError).code).toBe('ERR_INVALID_ARGUMENT');
    return (err as Error).message;
  }
  throw new Error('expected InvalidArgumentError');
}

describe('validateItems', () => {
  it('computes the total exactly', () => {
    const r = validateItems([
      item({ quantity: 3, unit_price_cents: '199' }),
      item({ sku: 'A', unit_price_cents: '0' }),
    ]);
    expect(r.totalCents).toBe(597);
    expect(r.items).toEqual([
      { sku: 'SKU-1', quantity: 3, unitPriceCents: 199 },
      { sku: 'A', quantity: 1, unitPriceCents: 0 },
    ]);
  });

  it('accepts a total of exactly Number.MAX_SAFE_INTEGER and refuses one more', () => {
    const max = String(Number.MAX_SAFE_INTEGER);
    expect(validateItems([item({ unit_price_cents: max })]).totalCents).toBe(
      Number.MAX_SAFE_INTEGER,
    );
    expect(
      messageOf(() =>
        validateItems([item({ unit_price_cents: max }), item({ unit_price_cents: '1' })]),
      ),
    ).toMatch(/^items: total_cents must be at most 9007199254740991$/);
    // 1000 × 9007199254740 = 9007199254740000 fits; × 9007199254741 does not.
    expect(
      validateItems([item({ quantity: 1000, unit_price_cents: '9007199254740' })]).totalCents,
    ).toBe(9007199254740000);
    expect(() =>
      validateItems([item({ quantity: 1000, unit_price_cents: '9007199254741' })]),
    ).toThrow(/total_cents/);
  });

  it.each([
    [[], /^items must not be empty$/],
    [Array.from({ length: 101 }, () => item()), /^items must have at most 100 entries$/],
    [[item(), item({ quantity: 0 })], /^items\[1\]\.quantity must be 1\.\.1000$/],
    [[item(), item(), item({ quantity: 1001 })], /^items\[2\]\.quantity must be 1\.\.1000$/],
    [[item({ quantity: 1.5 })], /^items\[0\]\.quantity/],
    [
      [item({ unit_price_cents: '-1' })],
      /^items\[0\]\.unit_price_cents must be a non-negative integer$/,
    ],
    [[item({ unit_price_cents: '1.5' })], /unit_price_cents/],
    [[item({ unit_price_cents: '007' })], /unit_price_cents/],
    [[item({ unit_price_cents: '' })], /unit_price_cents/],
    [[item({ unit_price_cents: '1e3' })], /unit_price_cents/],
    [
      [item({ unit_price_cents: '9007199254740992' })],
      /^items\[0\]\.unit_price_cents must be at most/,
    ],
    [[item({ sku: '' })], /^items\[0\]\.sku must match/],
    [[item({ sku: 'sku-1' })], /^items\[0\]\.sku/],
    [[item({ sku: '-A' })], /^items\[0\]\.sku/],
    [[item({ sku: 'A'.repeat(33) })], /^items\[0\]\.sku/],
  ])('refuses bad items %#', (items, message) => {
    expect(messageOf(() => validateItems(items))).toMatch(message);
  });

  it('accepts a 32-character SKU and 100 items', () => {
    expect(validateItems([item({ sku: 'A'.repeat(32) })]).items).toHaveLength(1);
    expect(validateItems(Array.from({ length: 100 }, () => item())).totalCents).toBe(10000);
  });
});

describe('validateIdempotencyKey', () => {
  it('treats empty as absent and accepts printable ASCII up to 128', () => {
    expect(validateIdempotencyKey('')).toBeNull();
    expect(validateIdempotencyKey(undefined)).toBeNull();
    expect(validateIdempotencyKey('k'.repeat(128))).toBe('k'.repeat(128));
    expect(validateIdempotencyKey('order 1/2 ~ok')).toBe('order 1/2 ~ok');
  });
  it.each(['k'.repeat(129), 'tab\there', 'nul\u0000', 'é'])('refuses %j', (key) => {
    expect(messageOf(() => validateIdempotencyKey(key))).toMatch(/^idempotency_key must be/);
  });
});

describe('validateId and validatePageSize', () => {
  it('requires ids with a bounded length', () => {
    expect(validateId('order_id', 'x')).toBe('x');
    expect(messageOf(() => validateId('order_id', ''))).toBe('order_id is required');
    expect(messageOf(() => validateId('user_id', 'x'.repeat(129)))).toMatch(
      /^user_id must be at most/,
    );
  });
  it('maps 0 to the default and refuses out-of-range sizes', () => {
    expect(validatePageSize(0)).toBe(20);
    expect(validatePageSize(100)).toBe(100);
    expect(messageOf(() => validatePageSize(101))).toBe('page_size must be 0..100');
    expect(messageOf(() => validatePageSize(-1))).toBe('page_size must be 0..100');
  });
});
