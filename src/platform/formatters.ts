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

/** The shared `Intl.DateTimeFormat` for this locale and these options (same options, same object). */
export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = keyOf(locale, options);
  let f = dateTimeFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options);
    dateTimeFormats.set(key, f);
  }
  return f;
}

/** The shared `Intl.NumberFormat` for this locale and these options. */
export function numberFormat(locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = keyOf(locale, options);
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, options);
    numberFormats.set(key, f);
  }
  return f;
}
