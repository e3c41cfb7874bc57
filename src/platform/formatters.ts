/**
 * One `Intl` formatter per locale and options, made once and reused. A new `Intl.DateTimeFormat`
 * per call costs ~27 KB of native (ICU) memory that the allocator keeps after it is freed (the
 * pattern of `modules/notifications/templates/format.ts`, measured by bench/wa-burst.bench.ts), so
 * a page or receipt rendered per request must not build its own. The keys are few (a handful of
 * shapes × the tenants' time zones), so the caches are never emptied.
 */

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();

const keyOf = (locale: string, options: object) => `${locale} ${JSON.stringify(options)}`;

const cached = <F>(cache: Map<string, F>, key: string, make: () => F): F => cache.get(key) ?? cache.set(key, make()).get(key)!;

/** The shared `Intl.DateTimeFormat` for this locale and these options (same options, same object). */
export const dateTimeFormat = (locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat =>
  cached(dateTimeFormats, keyOf(locale, options), () => new Intl.DateTimeFormat(locale, options));

/** The shared `Intl.NumberFormat` for this locale and these options. */
export const numberFormat = (locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat =>
  cached(numberFormats, keyOf(locale, options), () => new Intl.NumberFormat(locale, options));
