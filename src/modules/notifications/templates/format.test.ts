import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatRupiah } from './format.ts';

describe('formatRupiah', () => {
  it.each([
    [0, 'Rp 0'],
    [999, 'Rp 999'],
    [1_000, 'Rp 1.000'],
    [150_000, 'Rp 150.000'],
    [1_234_567_890, 'Rp 1.234.567.890'],
    [-25_000, '-Rp 25.000'],
  ])('%i → %s', (amount, expected) => {
    expect(formatRupiah(amount)).toBe(expected);
  });

  it('refuses fractions: rupiah amounts are whole', () => {
    expect(() => formatRupiah(1500.5)).toThrow(RangeError);
  });

  it('reads back to the same amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (amount) => {
        expect(Number(formatRupiah(amount).replace('Rp ', '').replaceAll('.', ''))).toBe(amount);
      }),
    );
  });
});

describe('dates in the tenant\'s time zone', () => {
  const lateEvening = new Date('2026-12-09T16:30:00Z'); // 23:30 WIB, 00:30 WITA, 01:30 WIT

  it('puts one instant on different days for WIB and WITA/WIT tenants', () => {
    expect(formatDate(lateEvening, 'Asia/Jakarta')).toBe('9 Desember 2026');
    expect(formatDate(lateEvening, 'Asia/Makassar')).toBe('10 Desember 2026');
    expect(formatDate(lateEvening, 'Asia/Jayapura')).toBe('10 Desember 2026');
  });

  it('shows times with the Indonesian zone name', () => {
    expect(formatDateTime(lateEvening, 'Asia/Jakarta')).toBe('9 Desember 2026 23.30 WIB');
    expect(formatDateTime(lateEvening, 'Asia/Jayapura', 'en')).toBe('10 December 2026 01:30 WIT');
  });
});
