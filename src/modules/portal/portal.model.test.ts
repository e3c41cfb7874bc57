import { describe, expect, it } from 'vitest';
import { maskName } from './portal.model.ts';
import { parseIdentifier } from './use-cases/one-time-codes.ts';

describe('portal identifiers and masked names', () => {
  it('should read any form of an Indonesian number as one E.164 number, and anything else code-like as a customer code', () => {
    for (const typed of ['0812-2700-1101', '+62 812 2700 1101', '6281227001101', '(0812) 2700 1101', '812 2700 1101']) {
      expect(parseIdentifier(typed)).toEqual({ kind: 'phone', value: '+6281227001101' });
    }
    expect(parseIdentifier(' c00042 ')).toEqual({ kind: 'code', value: 'C00042' });
    expect(parseIdentifier('10023')).toEqual({ kind: 'code', value: '10023' });
  });

  it('should refuse what is neither, by its form alone', () => {
    for (const typed of ['', '  ', '<script>', 'a b', 'x'.repeat(41), "C0001' or 1=1"]) {
      expect(() => parseIdentifier(typed)).toThrow(expect.objectContaining({ code: 'PORTAL_IDENTIFIER_INVALID' }));
    }
  });

  it('should mask every word of a name but its first and last letter', () => {
    expect(maskName('Budi Santoso')).toBe('B***i S***o');
    expect(maskName('  Sri  Wahyuni ')).toBe('S***i W***i');
    expect(maskName('Al')).toBe('A*');
  });
});
