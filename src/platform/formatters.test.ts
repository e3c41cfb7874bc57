import { describe, expect, it } from 'vitest';
import { dateTimeFormat, numberFormat } from './formatters.ts';

describe('shared Intl formatters', () => {
  it('should hand out one formatter per locale and options, and a different one for another zone', () => {
    const wib = dateTimeFormat('id-ID', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Jakarta' });
    expect(dateTimeFormat('id-ID', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Jakarta' })).toBe(wib);
    const wit = dateTimeFormat('id-ID', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Jayapura' });
    expect(wit).not.toBe(wib);
    expect(numberFormat('id-ID')).toBe(numberFormat('id-ID'));
  });

  it('should write the Indonesian text a receipt or the portal shows, in the tenant time zone', () => {
    const at = new Date('2026-12-09T16:30:00Z'); // 23.30 WIB, 01.30 WIT the next day
    const options = { day: '2-digit', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' } as const;
    expect(dateTimeFormat('id-ID', { ...options, timeZone: 'Asia/Jakarta' }).format(at)).toBe('09 Des 2026, 23.30');
    expect(dateTimeFormat('id-ID', { ...options, timeZone: 'Asia/Jayapura' }).format(at)).toBe('10 Des 2026, 01.30');
    expect(numberFormat('id-ID').format(1_250_000)).toBe('1.250.000');
  });
});
