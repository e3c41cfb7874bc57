import { describe, expect, it } from 'vitest';
import { afterQuietHours } from './quiet-hours.ts';

const night = { startMinute: 21 * 60, endMinute: 7 * 60 };

describe('afterQuietHours', () => {
  it('lets a daytime message go at once', () => {
    const at = new Date('2026-12-10T10:00:00+07:00');
    expect(afterQuietHours(at, 'Asia/Jakarta', night)).toEqual(at);
  });

  it('holds a message sent at 22:30 WIB until 07:00 WIB the next morning', () => {
    expect(afterQuietHours(new Date('2026-12-10T22:30:00+07:00'), 'Asia/Jakarta', night)).toEqual(new Date('2026-12-11T07:00:00+07:00'));
  });

  it('holds a message sent after midnight until 07:00 the same morning', () => {
    expect(afterQuietHours(new Date('2026-12-10T00:05:00+07:00'), 'Asia/Jakarta', night)).toEqual(new Date('2026-12-10T07:00:00+07:00'));
  });

  it('reads the clock of the tenant: 22:30 WIB is 00:30 WIT', () => {
    const at = new Date('2026-12-10T20:30:00+07:00'); // 22:30 WIT
    expect(afterQuietHours(at, 'Asia/Jayapura', night)).toEqual(new Date('2026-12-11T07:00:00+09:00'));
    expect(afterQuietHours(at, 'Asia/Jakarta', night)).toEqual(at);
  });

  it('ends the window at its end minute exactly, and supports windows that do not wrap', () => {
    expect(afterQuietHours(new Date('2026-12-10T07:00:00+07:00'), 'Asia/Jakarta', night)).toEqual(new Date('2026-12-10T07:00:00+07:00'));
    const lunch = { startMinute: 12 * 60, endMinute: 13 * 60 };
    expect(afterQuietHours(new Date('2026-12-10T12:15:00+08:00'), 'Asia/Makassar', lunch)).toEqual(new Date('2026-12-10T13:00:00+08:00'));
  });

  it('changes nothing without quiet hours', () => {
    const at = new Date('2026-12-10T23:00:00+07:00');
    expect(afterQuietHours(at, 'Asia/Jakarta', null)).toEqual(at);
  });
});
