/**
 * Calendar days as `YYYY-MM-DD` strings. "Today", "due" and "grace" are days in the tenant's
 * time zone, never UTC instants: an invoice due on the 10th in WIT is overdue at 00:00 WIT.
 */
export type IsoDate = string;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar day `instant` falls on in `timeZone`. */
export function localDate(instant: Date, timeZone: string): IsoDate {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f.format(instant);
}

const toUtc = (d: IsoDate) => new Date(`${d}T00:00:00Z`);
const fromUtc = (d: Date): IsoDate => d.toISOString().slice(0, 10);

export const addDays = (d: IsoDate, days: number): IsoDate => fromUtc(new Date(toUtc(d).getTime() + days * 86_400_000));

export const daysInMonth = (year: number, month1: number) => new Date(Date.UTC(year, month1, 0)).getUTCDate();

/** The first day of the month `d` is in. */
export const monthOf = (d: IsoDate): IsoDate => `${d.slice(0, 7)}-01`;

/** Day `day` of the month starting at `period`, clamped to its last day (31 → 28/29 Feb). */
export function dayOfMonth(period: IsoDate, day: number): IsoDate {
  const [y, m] = period.split('-').map(Number);
  return `${period.slice(0, 7)}-${String(Math.min(day, daysInMonth(y, m))).padStart(2, '0')}`;
}

export function isIsoDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && fromUtc(toUtc(value)) === value;
}

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

/** How far `timeZone`'s wall clock is ahead of UTC at `instant`, in ms. */
function zoneOffsetMs(instant: Date, timeZone: string): number {
  let f = offsetFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    offsetFormatters.set(timeZone, f);
  }
  const p = Object.fromEntries(f.formatToParts(instant).map((part) => [part.type, Number(part.value)]));
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - (instant.getTime() - instant.getUTCMilliseconds());
}

/** The instant day `d` begins (00:00) in `timeZone`. */
export function startOfLocalDay(d: IsoDate, timeZone: string): Date {
  const midnightAsUtc = toUtc(d).getTime();
  // Two steps: the offset at the first guess may differ from the offset at local midnight (DST zones).
  const guess = midnightAsUtc - zoneOffsetMs(new Date(midnightAsUtc), timeZone);
  return new Date(midnightAsUtc - zoneOffsetMs(new Date(guess), timeZone));
}
