import { describe, expect, it } from 'vitest';
import { addDays, dayOfMonth, localDate, monthOf, startOfLocalDay } from './dates.ts';

describe('tenant calendar days', () => {
  it('should put the same instant on different days in WIB and WIT', () => {
    const instant = new Date('2026-12-09T16:30:00Z'); // 23:30 WIB, 01:30 WIT next day
    expect(localDate(instant, 'Asia/Jakarta')).toBe('2026-12-09');
    expect(localDate(instant, 'Asia/Makassar')).toBe('2026-12-10');
    expect(localDate(instant, 'Asia/Jayapura')).toBe('2026-12-10');
  });

  it('should clamp a billing day to the month end, including leap years', () => {
    expect(dayOfMonth('2028-02-01', 31)).toBe('2028-02-29');
    expect(dayOfMonth('2027-02-01', 31)).toBe('2027-02-28');
    expect(dayOfMonth('2026-04-01', 31)).toBe('2026-04-30');
    expect(dayOfMonth('2026-12-01', 10)).toBe('2026-12-10');
  });

  it('should count days across month and year ends', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(monthOf('2026-11-24')).toBe('2026-11-01');
  });

  it('should find the instant a local day begins in WIB, WIT and a zone with summer time', () => {
    expect(startOfLocalDay('2026-12-15', 'Asia/Jakarta').toISOString()).toBe('2026-12-14T17:00:00.000Z');
    expect(startOfLocalDay('2026-12-15', 'Asia/Jayapura').toISOString()).toBe('2026-12-14T15:00:00.000Z');
    expect(startOfLocalDay('2026-07-01', 'Europe/Amsterdam').toISOString()).toBe('2026-06-30T22:00:00.000Z');
    expect(startOfLocalDay('2026-01-01', 'Europe/Amsterdam').toISOString()).toBe('2025-12-31T23:00:00.000Z');
  });
});
