/**
 * Indonesian mobile numbers arrive as `0812…`, `+62 812-…`, `62812…` or `812…`; WhatsApp,
 * RADIUS logs and de-duplication need one form: E.164 (`+62812…`). Returns null when the
 * input can't be a valid Indonesian number, so callers can name the field in their error.
 */
export function normalizeIndonesianPhone(input: string): string | null {
  const compact = input.trim().replace(/[\s\-().]/g, '');
  if (!/^\+?\d+$/.test(compact)) return null;
  let national: string;
  if (compact.startsWith('+62')) national = compact.slice(3);
  else if (compact.startsWith('62')) national = compact.slice(2);
  else if (compact.startsWith('0')) national = compact.slice(1);
  else if (compact.startsWith('8')) national = compact;
  else return null;
  national = national.replace(/^0+/, ''); // "+62 0812…" is a common slip
  // Mobile numbers start with 8 and have 9–12 digits after the country code; landlines
  // (area code 2–9) 7–11. Anything else is a typo, not a number.
  if (!/^[2-9]\d{6,11}$/.test(national)) return null;
  return `+62${national}`;
}

/**
 * What a typed phone fragment looks for in stored E.164 numbers: `0812-3456`, `+62 812 3456`,
 * `628123456` and `8123456` all become the national digits `8123456` (matched anywhere in the
 * number). Null when the query is not a phone fragment (letters, or fewer than 4 digits).
 */
export function phoneSearchDigits(query: string): string | null {
  const compact = query.trim().replace(/[\s\-().]/g, '');
  if (!/^\+?\d{4,}$/.test(compact)) return null;
  const digits = compact.replace(/^\+/, '');
  if (digits.startsWith('62')) return digits.slice(2).replace(/^0+/, '') || null;
  if (digits.startsWith('0')) return digits.slice(1) || null;
  return digits;
}
