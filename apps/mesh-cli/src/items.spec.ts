import { UsageError } from './errors';
import { formatCents, parseItem } from './items';

describe('parseItem', () => {
  it('parses SKU:QTY:CENTS with cents as an exact integer string', () => {
    expect(parseItem('BOOK-1:2:1999')).toEqual({
      sku: 'BOOK-1',
      quantity: 2,
      unit_price_cents: '1999',
    });
  });

  it('keeps cents beyond 2^53 exact and normalises leading zeros', () => {
    expect(parseItem('X:1:9007199254740993').unit_price_cents).toBe('9007199254740993');
    expect(parseItem('X:1:9223372036854775807').unit_price_cents).toBe('9223372036854775807');
    expect(parseItem('X:1:007').unit_price_cents).toBe('7');
    expect(parseItem('X:1:0').unit_price_cents).toBe('0');
  });

  it.each([
    ['BOOK-1:2', 'missing part'],
    ['BOOK-1:2:19.99', 'decimal cents'],
    ['BOOK-1:2:-5', 'negative cents'],
    ['BOOK-1:2:1e3', 'exponent'],
    ['BOOK-1:0:100', 'zero quantity'],
    ['BOOK-1:1.5:100', 'fractional quantity'],
    ['book-1:1:100', 'lower-case sku'],
    [':1:100', 'empty sku'],
    ['A:1:9223372036854775808', 'beyond int64'],
    ['A:1:2:3', 'extra part'],
  ])('refuses %s (%s) with a usage error', (spec) => {
    expect(() => parseItem(spec)).toThrow(UsageError);
  });
});

describe('formatCents', () => {
  it.each([
    ['1999', '19.99'],
    ['5', '0.05'],
    ['0', '0.00'],
    ['100', '1.00'],
    ['9223372036854775807', '92233720368547758.07'],
  ])('%s → %s', (cents, text) => {
    expect(formatCents(cents)).toBe(text);
  });
});
