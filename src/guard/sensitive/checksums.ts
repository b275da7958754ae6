/** Checksums and structural checks used to validate PII candidates (no regexes here). */

/** Luhn mod-10 over a string of digits. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return digits.length > 0 && sum % 10 === 0;
}

/** IBAN lengths per country (ISO 13616 registry). */
export const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BR: 29, BY: 28, CH: 21, CR: 22,
  CY: 28, CZ: 24, DE: 22, DK: 18, DO: 28, EE: 20, EG: 29, ES: 24, FI: 18, FO: 18, FR: 27, GB: 22, GE: 22,
  GI: 23, GL: 18, GR: 27, GT: 28, HR: 21, HU: 28, IE: 22, IL: 23, IQ: 23, IS: 26, IT: 27, JO: 30, KW: 30,
  KZ: 20, LB: 28, LC: 32, LI: 21, LT: 20, LU: 20, LV: 21, MC: 27, MD: 24, ME: 22, MK: 19, MR: 27, MT: 31,
  MU: 30, NL: 18, NO: 15, PK: 24, PL: 28, PS: 29, PT: 25, QA: 29, RO: 24, RS: 22, SA: 24, SC: 31, SE: 24,
  SI: 19, SK: 24, SM: 27, ST: 25, SV: 28, TL: 23, TN: 24, TR: 26, UA: 29, VA: 22, VG: 24, XK: 20,
};

/** mod-97 of an IBAN (letters A=10..Z=35) after moving the first four characters to the end. */
export function ibanMod97(iban: string): number {
  const s = iban.slice(4) + iban.slice(0, 4);
  let rem = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) rem = (rem * 10 + (c - 48)) % 97;
    else if (c >= 65 && c <= 90) rem = (rem * 100 + (c - 55)) % 97;
    else return -1;
  }
  return rem;
}

/** A compact (no spaces, upper-case) IBAN with the right length for its country and a valid checksum. */
export function ibanValid(compact: string): boolean {
  const len = IBAN_LENGTHS[compact.slice(0, 2)];
  return len === compact.length && ibanMod97(compact) === 1;
}

const SAMPLE_SSNS = new Set(['078-05-1120', '219-09-9999', '123-45-6789']);

/**
 * Published test values (card networks' and payment providers' test PANs, the ISO 13616 / ECBS
 * example IBANs): documentation, not anyone's data, so not reported.
 */
export const WELL_KNOWN_TEST_VALUES: ReadonlySet<string> = new Set([
  '4111111111111111', '4242424242424242', '4000056655665556', '4012888888881881', '4222222222222', '4007000000027',
  '5555555555554444', '5105105105105100', '5200828282828210', '2223003122003222', '378282246310005', '371449635398431',
  '378734493671000', '6011111111111117', '6011000990139424', '6011000000000004', '3530111333300000', '3566002020360505',
  '30569309025904', '38520000023237', '36227206271667', '6200000000000005', '6250941006528599',
  'DE89370400440532013000', 'GB82WEST12345698765432', 'GB29NWBK60161331926819', 'FR1420041010050500013M02606',
  'NL91ABNA0417164300', 'CH9300762011623852957', 'NO9386011117947', 'BE68539007547034', 'ES9121000418450200051332',
]);

/** US SSN area/group/serial rules: no 000, 666 or 9xx area, no 00 group, no 0000 serial. */
export function ssnValid(area: string, group: string, serial: string): boolean {
  const a = Number(area);
  if (a === 0 || a === 666 || a >= 900) return false;
  if (group === '00' || serial === '0000') return false;
  // Advertised sample numbers (wallet card, ads, textbooks) are not anyone's.
  return !SAMPLE_SSNS.has(`${area}-${group}-${serial}`);
}

const NINO_BAD_FIRST = 'DFIQUV';
const NINO_BAD_SECOND = 'DFIOQUV';
const NINO_BAD_PREFIX = new Set(['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ']);

/** UK National Insurance number prefix rules (HMRC NIM39110). */
export function ninoPrefixValid(prefix: string): boolean {
  const [a, b] = [prefix[0] ?? '', prefix[1] ?? ''];
  return !NINO_BAD_FIRST.includes(a) && !NINO_BAD_SECOND.includes(b) && !NINO_BAD_PREFIX.has(prefix);
}

const DNI_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';

/** Spanish DNI (8 digits + letter) or NIE (X/Y/Z + 7 digits + letter) control letter. */
export function spanishIdValid(id: string): boolean {
  const up = id.toUpperCase();
  const lead = 'XYZ'.indexOf(up[0] ?? '');
  const digits = lead >= 0 ? `${lead}${up.slice(1, 8)}` : up.slice(0, 8);
  if (!/^[0-9]{8}$/.test(digits)) return false;
  return DNI_LETTERS[Number(digits) % 23] === up[8];
}

/** Card brand by IIN prefix and length, or undefined when the number is no known brand. */
export function cardBrand(digits: string): string | undefined {
  const n = digits.length;
  const p2 = Number(digits.slice(0, 2));
  const p3 = Number(digits.slice(0, 3));
  const p4 = Number(digits.slice(0, 4));
  const p6 = Number(digits.slice(0, 6));
  if (digits[0] === '4' && (n === 13 || n === 16 || n === 19)) return 'visa';
  if (((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) && n === 16) return 'mastercard';
  if ((p2 === 34 || p2 === 37) && n === 15) return 'amex';
  if ((p4 === 6011 || p2 === 65 || (p3 >= 644 && p3 <= 649) || (p6 >= 622126 && p6 <= 622925)) && n >= 16 && n <= 19) return 'discover';
  if (p4 >= 3528 && p4 <= 3589 && n >= 16 && n <= 19) return 'jcb';
  if (((p3 >= 300 && p3 <= 305) || p2 === 36 || p2 === 38 || p2 === 39) && n >= 14 && n <= 19) return 'diners';
  if (p2 === 62 && n >= 16 && n <= 19) return 'unionpay';
  if ((p4 === 5018 || p4 === 5020 || p4 === 5038 || p4 === 5893 || p4 === 6304 || p4 === 6759 || p4 === 6761 || p4 === 6762 || p4 === 6763) && n >= 12 && n <= 19) return 'maestro';
  return undefined;
}
