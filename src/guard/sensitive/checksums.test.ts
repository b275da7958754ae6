import { describe, expect, it } from 'vitest';
import { cardBrand, ibanValid, luhnValid, ninoPrefixValid, spanishIdValid, ssnValid } from './checksums.js';

describe('checksums', () => {
  it('Luhn', () => {
    expect(luhnValid('79927398713')).toBe(true);
    expect(luhnValid('79927398710')).toBe(false);
    expect(luhnValid('')).toBe(false);
    expect(luhnValid('12a4')).toBe(false);
  });
  it('IBAN mod-97 and country length', () => {
    expect(ibanValid('GB33BUKB20201555555555')).toBe(true);
    expect(ibanValid('GB33BUKB20201555555556')).toBe(false);
    expect(ibanValid('GB33BUKB2020155555555')).toBe(false); // one short for GB
    expect(ibanValid('XX33BUKB20201555555555')).toBe(false); // no such country
  });
  it('SSN ranges', () => {
    expect(ssnValid('536', '22', '8765')).toBe(true);
    for (const [a, g, s] of [['000', '12', '3456'], ['666', '12', '3456'], ['900', '12', '3456'], ['123', '00', '4567'], ['123', '45', '0000'], ['078', '05', '1120']]) {
      expect(ssnValid(a!, g!, s!)).toBe(false);
    }
  });
  it('UK NINO prefixes', () => {
    expect(ninoPrefixValid('AB')).toBe(true);
    for (const p of ['DA', 'AO', 'GB', 'TN', 'ZZ', 'QQ']) expect(ninoPrefixValid(p)).toBe(false);
  });
  it('Spanish DNI / NIE control letter', () => {
    expect(spanishIdValid('12345678Z')).toBe(true);
    expect(spanishIdValid('12345678A')).toBe(false);
    expect(spanishIdValid('X1234567L')).toBe(true);
  });
  it('card brands by IIN and length', () => {
    expect(cardBrand('4539148803436467')).toBe('visa');
    expect(cardBrand('378282246310005')).toBe('amex');
    expect(cardBrand('2221000000000009')).toBe('mastercard');
    expect(cardBrand('1234567812345670')).toBeUndefined();
  });
});
