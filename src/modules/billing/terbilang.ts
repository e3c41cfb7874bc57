/**
 * Indonesian number words for receipts (terbilang): 1_060_581 → "satu juta enam puluh ribu
 * lima ratus delapan puluh satu rupiah". Whole rupiah only (no sen); "se-" for one of a unit
 * below a million (seratus, seribu, sebelas, sepuluh), "satu" from juta upwards.
 */
const ones = ['', 'satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan'];
const scales = ['', 'ribu', 'juta', 'miliar', 'triliun', 'kuadriliun'];

function belowThousand(n: number): string[] {
  const words: string[] = [];
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (hundreds === 1) words.push('seratus');
  else if (hundreds > 1) words.push(ones[hundreds], 'ratus');
  if (rest >= 20) {
    words.push(ones[Math.floor(rest / 10)], 'puluh');
    if (rest % 10) words.push(ones[rest % 10]);
  } else if (rest >= 12) words.push(ones[rest - 10], 'belas');
  else if (rest === 11) words.push('sebelas');
  else if (rest === 10) words.push('sepuluh');
  else if (rest > 0) words.push(ones[rest]);
  return words;
}

/** The amount in words, without the currency: 0 → "nol". */
export function numberInWords(amount: number): string {
  if (!Number.isSafeInteger(amount) || amount < 0) throw new RangeError(`terbilang takes a whole, non-negative number of rupiah, not ${amount}`);
  if (amount === 0) return 'nol';
  const groups: number[] = [];
  for (let n = amount; n > 0; n = Math.floor(n / 1000)) groups.push(n % 1000);
  const words: string[] = [];
  for (let i = groups.length - 1; i >= 0; i--) {
    const g = groups[i];
    if (g === 0) continue;
    if (i === 1 && g === 1) words.push('seribu');
    else words.push(...belowThousand(g), ...(scales[i] ? [scales[i]] : []));
  }
  return words.join(' ');
}

/** "… rupiah", as written on a kuitansi. */
export const terbilang = (amount: number): string => `${numberInWords(amount)} rupiah`;
