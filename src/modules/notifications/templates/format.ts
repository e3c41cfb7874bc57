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

/** `10 Desember 2026` (or `10 December 2026`) on the tenant's local calendar. */
export const formatDate = (date: Date, timeZone: TenantTimeZone, language: TemplateLanguage = 'id'): string =>
  new Intl.DateTimeFormat(intlLocale[language], { day: 'numeric', month: 'long', year: 'numeric', timeZone }).format(date);

/** `10 Desember 2026 14.30 WIB` / `10 December 2026 14:30 WIB`. */
export const formatDateTime = (date: Date, timeZone: TenantTimeZone, language: TemplateLanguage = 'id'): string => {
  const time = new Intl.DateTimeFormat(intlLocale[language], { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(date);
  return `${formatDate(date, timeZone, language)} ${time} ${zoneAbbreviation[timeZone]}`;
};
