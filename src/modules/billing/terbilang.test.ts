import { describe, expect, it } from 'vitest';
import { numberInWords, terbilang } from './terbilang.ts';

describe('terbilang', () => {
  it.each([
    [1_060_581, 'satu juta enam puluh ribu lima ratus delapan puluh satu rupiah'],
    [166_500, 'seratus enam puluh enam ribu lima ratus rupiah'],
    [100_000, 'seratus ribu rupiah'],
    [66_500, 'enam puluh enam ribu lima ratus rupiah'],
    [1_000, 'seribu rupiah'],
    [1_001, 'seribu satu rupiah'],
    [11_000, 'sebelas ribu rupiah'],
    [10, 'sepuluh rupiah'],
    [11, 'sebelas rupiah'],
    [12, 'dua belas rupiah'],
    [19, 'sembilan belas rupiah'],
    [20, 'dua puluh rupiah'],
    [100, 'seratus rupiah'],
    [101, 'seratus satu rupiah'],
    [110, 'seratus sepuluh rupiah'],
    [999, 'sembilan ratus sembilan puluh sembilan rupiah'],
    [1_000_000, 'satu juta rupiah'],
    [2_000_001, 'dua juta satu rupiah'],
    [1_100_000, 'satu juta seratus ribu rupiah'],
    [101_000, 'seratus satu ribu rupiah'],
    [250_000_000, 'dua ratus lima puluh juta rupiah'],
    [1_000_000_000, 'satu miliar rupiah'],
    [3_000_015_000, 'tiga miliar lima belas ribu rupiah'],
  ])('should write %i as "%s"', (amount, words) => {
    expect(terbilang(amount)).toBe(words);
  });

  it('should write zero as nol', () => {
    expect(numberInWords(0)).toBe('nol');
  });

  it('should refuse fractions and negative amounts instead of rounding them', () => {
    expect(() => terbilang(1.5)).toThrow(RangeError);
    expect(() => terbilang(-1)).toThrow(RangeError);
  });
});
