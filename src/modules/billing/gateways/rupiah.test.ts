import { describe, expect, it } from 'vitest';
import { parseRupiah } from './rupiah.ts';
import { thrownAppError } from './testing.ts';

describe('parseRupiah', () => {
  it.each([
    ['150000.00', 150_000],
    ['150000', 150_000],
    ['150000.0', 150_000],
    ['0.00', 0],
    [150_000, 150_000],
    ['9007199254740991', Number.MAX_SAFE_INTEGER],
  ])('reads %j as %d rupiah', (input, expected) => {
    expect(parseRupiah(input, 'gross_amount')).toBe(expected);
  });

  it.each([
    '150000.50',
    '150000.01',
    '-150000.00',
    '+150000',
    '0150000',
    '150000.',
    '.50',
    '150,000.00',
    '1.5e5',
    ' 150000',
    '',
    '9007199254740993',
  ])('refuses %j instead of rounding it', (input) => {
    const error = thrownAppError(() => parseRupiah(input, 'gross_amount'));

    expect(error).toMatchObject({ code: 'PAYMENT_AMOUNT_INVALID', httpStatus: 422, details: { field: 'gross_amount', value: input } });
    expect(error.message).toContain('gross_amount');
  });

  it.each([150_000.5, -1, Number.NaN, Infinity, null, undefined, true])('refuses the JSON value %j', (input) => {
    expect(thrownAppError(() => parseRupiah(input, 'amount')).code).toBe('PAYMENT_AMOUNT_INVALID');
  });
});
