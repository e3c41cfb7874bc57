import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeIndonesianPhone, phoneSearchDigits } from './phone.ts';

describe('normalizeIndonesianPhone', () => {
  it.each([
    ['0812-3456-7890', '+6281234567890'],
    ['+62 812 3456 7890', '+6281234567890'],
    ['6281234567890', '+6281234567890'],
    ['81234567890', '+6281234567890'],
    ['+62 0812 3456 789', '+628123456789'],
    ['(0274) 512345', '+62274512345'],
  ])('should turn %s into %s', (input, expected) => {
    expect(normalizeIndonesianPhone(input)).toBe(expected);
  });

  it.each(['', 'abc', '+1 415 555 0100', '0812', '08123456789012345', '62-0'])('should refuse %j', (input) => {
    expect(normalizeIndonesianPhone(input)).toBeNull();
  });

  it('should give the same number for every way of writing it', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^8[1-9]\d{7,10}$/), (national) => {
        const forms = [`0${national}`, `+62${national}`, `62${national}`, `+62 ${national.slice(0, 3)}-${national.slice(3)}`];
        const normalized = new Set(forms.map(normalizeIndonesianPhone));
        expect([...normalized]).toEqual([`+62${national}`]);
      }),
    );
  });
});

describe('phoneSearchDigits', () => {
  it('should look for the same national digits however a fragment is typed', () => {
    for (const typed of ['0812-3456-7890', '+62 812 3456 7890', '6281234567890', '(0812) 3456.7890', '81234567890']) {
      expect(phoneSearchDigits(typed), typed).toBe('81234567890');
    }
    expect(phoneSearchDigits('3456-78')).toBe('345678');
  });

  it('should not take names or short numbers for a phone', () => {
    for (const typed of ['Sari', 'C00012', '123', '', '+62']) expect(phoneSearchDigits(typed), typed).toBeNull();
  });
});
