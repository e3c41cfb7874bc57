import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/errors/app-error.ts';
import { normalizeIndonesianPhone } from './phone.ts';

const e164 = /^\+[1-9]\d{7,14}$/;

describe('normalizeIndonesianPhone', () => {
  it.each([
    ['081234567890', '+6281234567890'],
    ['0812-3456-7890', '+6281234567890'],
    ['+62 812-3456-7890', '+6281234567890'],
    ['+62 (0)812 3456 7890', '+6281234567890'],
    ['6281234567890', '+6281234567890'],
    ['81234567890', '+6281234567890'],
    ['0062 812 3456 7890', '+6281234567890'],
    ['  0812.3456.789 ', '+628123456789'],
    ['+65 9123 4567', '+6591234567'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeIndonesianPhone(input)).toBe(expected);
  });

  it.each([
    ['', 'empty'],
    ['0812-ABC-7890', 'only digits'],
    ['021 555 1234', 'not an Indonesian mobile'],
    ['0812345', 'digits'],
    ['08123456789012345', 'digits'],
    ['+1 23', 'not a valid international number'],
  ])('rejects %j with a reason (%s)', (input, reason) => {
    let error: unknown;
    try {
      normalizeIndonesianPhone(input);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'PHONE_INVALID', httpStatus: 400 });
    expect((error as AppError).message).toContain(reason);
    expect((error as AppError).message).toContain(input);
  });
});

/** A national mobile number: 8 followed by 8 to 11 digits. */
const nationalMobile = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 8, maxLength: 11 }).map((digits) => `8${digits.join('')}`);

const grouped = (digits: string, separator: string) => digits.replace(/(\d{3,4})(?=\d)/g, `$1${separator}`);

describe('normalizeIndonesianPhone properties', () => {
  it('gives the same E.164 number for every way people write it', () => {
    fc.assert(
      fc.property(nationalMobile, fc.constantFrom(' ', '-', '.', ''), (national, separator) => {
        const expected = `+62${national}`;
        for (const written of [`0${national}`, `62${national}`, national, `+62 ${grouped(national, separator)}`, `0${grouped(national, separator)}`]) {
          expect(normalizeIndonesianPhone(written)).toBe(expected);
        }
      }),
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(nationalMobile, (national) => {
        const once = normalizeIndonesianPhone(`0${national}`);
        expect(normalizeIndonesianPhone(once)).toBe(once);
      }),
    );
  });

  it('either returns valid E.164 or explains why not, for any input', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[+0-9 ()-]{0,20}$/)), (input) => {
        try {
          expect(normalizeIndonesianPhone(input)).toMatch(e164);
        } catch (error) {
          expect(error).toMatchObject({ code: 'PHONE_INVALID' });
        }
      }),
    );
  });
});
