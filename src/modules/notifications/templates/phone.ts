import { AppError } from '../../../platform/errors/app-error.ts';

/*
 * Indonesian numbers arrive as 0812…, +62 812-…, 62812…, 812… or (0812) …; WhatsApp wants
 * E.164 (+62812…). Only mobile numbers (8…, 9–12 digits after the country code) are accepted:
 * WhatsApp lives on mobiles, and a landline here is almost always a data-entry mistake.
 * Numbers with another country code (+65…, +60…) pass through when they are valid E.164.
 * Note for the lead: customers and staff need this too; it belongs in src/platform/phone.ts.
 */

const separators = /[\s\-.()/]/g;

export const normalizeIndonesianPhone = (input: string): string => {
  const invalid = (reason: string) =>
    new AppError('PHONE_INVALID', `Phone number "${input}" cannot be used for WhatsApp: ${reason}.`, { input, reason });

  const compact = input.trim().replace(separators, '');
  if (compact === '') throw invalid('it is empty');
  if (!/^\+?\d+$/.test(compact)) throw invalid('only digits, spaces, dashes, dots, brackets and a leading + are allowed');

  const international = compact.startsWith('+') ? compact.slice(1) : compact.startsWith('00') ? compact.slice(2) : undefined;
  if (international !== undefined && !international.startsWith('62')) {
    if (!/^[1-9]\d{7,14}$/.test(international)) throw invalid('it is not a valid international number');
    return `+${international}`;
  }

  const national = nationalNumber(international ?? compact);
  if (!national.startsWith('8')) throw invalid('it is not an Indonesian mobile number (those start with 08 or +62 8)');
  if (national.length < 9 || national.length > 12) {
    throw invalid(`an Indonesian mobile number has 10 to 13 digits starting with 08, this one has ${national.length + 1}`);
  }
  return `+62${national}`;
};

/** Drops the country code and the trunk 0, including the common "+62 0812" mix of both. */
const nationalNumber = (digits: string): string => {
  if (digits.startsWith('62')) return digits.slice(2).replace(/^0/, '');
  if (digits.startsWith('0')) return digits.slice(1);
  return digits;
};
