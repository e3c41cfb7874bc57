/** Minutes after local midnight, e.g. 21:00 → 1260. A window may wrap past midnight (21:00–07:00). */
export type QuietHours = { startMinute: number; endMinute: number };

const minuteFormatters = new Map<string, Intl.DateTimeFormat>();

const localMinuteOfDay = (instant: Date, timeZone: string): number => {
  let format = minuteFormatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    minuteFormatters.set(timeZone, format);
  }
  const [hour, minute] = format.format(instant).split(':').map(Number);
  return hour * 60 + minute;
};

const inWindow = (minute: number, q: QuietHours): boolean =>
  q.startMinute <= q.endMinute ? minute >= q.startMinute && minute < q.endMinute : minute >= q.startMinute || minute < q.endMinute;

/**
 * The earliest instant at or after `at` outside the tenant's quiet hours, in its time zone.
 * Indonesia has no daylight saving, so "minutes until the window ends" is exact.
 */
export function afterQuietHours(at: Date, timeZone: string, quiet: QuietHours | null): Date {
  if (!quiet || quiet.startMinute === quiet.endMinute) return at;
  const minute = localMinuteOfDay(at, timeZone);
  if (!inWindow(minute, quiet)) return at;
  const minutesLeft = (quiet.endMinute - minute + 1440) % 1440;
  const startOfMinute = at.getTime() - (at.getTime() % 60_000);
  return new Date(startOfMinute + minutesLeft * 60_000);
}

export const formatMinute = (minute: number): string => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

export const parseMinute = (hhmm: string): number => {
  const [hour, minute] = hhmm.split(':').map(Number);
  return hour * 60 + minute;
};
