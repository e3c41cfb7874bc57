/** Formatting of values inside notification texts. Money is integer rupiah; dates are the tenant's local day. */

export const tenantTimeZones = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'] as const;
export type TenantTimeZone = (typeof tenantTimeZones)[number];
export type TemplateLanguage = 'id' | 'en';

const zoneAbbreviation: Record<TenantTimeZone, string> = { 'Asia/Jakarta': 'WIB', 'Asia/Makassar': 'WITA', 'Asia/Jayapura': 'WIT' };
const intlLocale: Record<TemplateLanguage, string> = { id: 'id-ID', en: 'en-GB' };

/** `Rp 150.000`: dot thousands separators, no decimals (the same in both languages). */
export const formatRupiah = (amount: number): string => {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`Rupiah amounts are whole numbers, got ${amount}`);
  const grouped = Math.abs(amount).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${amount < 0 ? '-' : ''}Rp ${grouped}`;
};

/**
 * One formatter per language, zone and shape, made once: a new Intl.DateTimeFormat per message
 * costs ~27 KB of native (ICU) memory that the allocator keeps after it is freed, so an outage's
 * 10,000 messages grew the process by ~450 MB (bench/wa-burst.bench.ts).
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
const formatter = (shape: 'date' | 'time', language: TemplateLanguage, timeZone: TenantTimeZone) => {
  const key = `${shape} ${language} ${timeZone}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(
      intlLocale[language],
      shape === 'date' ? { day: 'numeric', month: 'long', year: 'numeric', timeZone } : { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone },
    );
    formatters.set(key, f);
  }
  return f;
};

/** `10 Desember 2026` (or `10 December 2026`) on the tenant's local calendar. */
export const formatDate = (date: Date, timeZone: TenantTimeZone, language: TemplateLanguage = 'id'): string => formatter('date', language, timeZone).format(date);

/** `10 Desember 2026 14.30 WIB` / `10 December 2026 14:30 WIB`. */
export const formatDateTime = (date: Date, timeZone: TenantTimeZone, language: TemplateLanguage = 'id'): string =>
  `${formatDate(date, timeZone, language)} ${formatter('time', language, timeZone).format(date)} ${zoneAbbreviation[timeZone]}`;
