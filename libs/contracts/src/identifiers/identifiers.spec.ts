import { describe, expect, it } from '@jest/globals';
import { IdentifierScheme } from '../values/enums.js';
import { parseIdentifier, parseIpiNameNumber, mod37_36 } from './index.js';

const value = (scheme: IdentifierScheme, raw: string) => {
  const result = parseIdentifier(scheme, raw);
  return result.valid ? result.value : `invalid: ${result.reason}`;
};

describe('identifiers', () => {
  describe('ISO 7064 MOD 37,36', () => {
    it.each([
      ['123AB', 'X'],
      ['DADPIDA3897722461', 'J'],
      ['A12425GABC1234002', 'M'],
    ])('should give %s the check character %s (published examples)', (data, check) => {
      expect(mod37_36(data)).toBe(check);
    });
  });

  describe('ISWC', () => {
    it.each([
      'T-034.524.680-1',
      'T0345246801',
      't-034524680-1',
      'ISWC T-034.524.680-1',
      'ISWC: T-034.524.680-1',
      'T 034 524 680 1',
      'Ｔ－０３４．５２４．６８０－１',
    ])('should accept %s in its usual written forms', (raw) =>
      expect(value(IdentifierScheme.ISWC, raw)).toBe('T0345246801'),
    );

    it('should reject a wrong check digit, saying which one is right', () => {
      expect(value(IdentifierScheme.ISWC, 'T-034.524.680-2')).toBe(
        'invalid: ISWC check digit should be 1',
      );
    });

    it('should reject a malformed ISWC', () => {
      expect(value(IdentifierScheme.ISWC, 'T-034.524.68-1')).toMatch(/^invalid: an ISWC is/);
    });
  });

  describe('ISRC', () => {
    it.each(['US-RC1-76-07839', 'USRC17607839', 'usrc17607839', 'ISRC JP-K00-21-00001'])(
      'should accept %s',
      (raw) => expect(value(IdentifierScheme.ISRC, raw)).toMatch(/^[A-Z]{2}[A-Z0-9]{3}\d{7}$/),
    );

    it.each(['JP-K00-21-00001', 'jpk002100001', 'JP K00 21 00001', 'ISRC: JP-K00-21-00001'])(
      'should store %s as JPK002100001',
      (raw) => expect(value(IdentifierScheme.ISRC, raw)).toBe('JPK002100001'),
    );

    it('should not take the start of an ISRC that begins with ISRC for a label', () => {
      expect(value(IdentifierScheme.ISRC, 'IS-RCA-21-00001')).toBe('ISRCA2100001');
      expect(value(IdentifierScheme.ISRC, 'ISRCA2100001')).toBe('ISRCA2100001');
      expect(value(IdentifierScheme.ISRC, 'ISRC ISRCA2100001')).toBe('ISRCA2100001');
    });

    it('should reject a designation that is not numeric', () => {
      expect(value(IdentifierScheme.ISRC, 'US-RC1-76-0783X')).toMatch(/^invalid/);
    });
  });

  describe('ISAN', () => {
    it('should accept the published V-ISAN with both check characters', () => {
      expect(value(IdentifierScheme.ISAN, 'ISAN 0000-0000-3A8D-0000-Z-0000-0000-6')).toBe(
        '000000003A8D0000Z000000006',
      );
    });

    it('should accept the work ISAN without its version', () => {
      expect(value(IdentifierScheme.ISAN, '0000-0000-3A8D-0000-Z')).toBe('000000003A8D0000Z');
    });

    it('should reject wrong check characters', () => {
      expect(value(IdentifierScheme.ISAN, '0000-0000-3A8D-0000-Y')).toBe(
        'invalid: ISAN check character should be Z',
      );
      expect(value(IdentifierScheme.ISAN, '0000-0000-3A8D-0000-Z-0000-0000-7')).toBe(
        'invalid: ISAN version check character should be 6',
      );
    });
  });

  describe('ISBN', () => {
    it.each(['978-0-306-40615-7', '9780306406157', 'ISBN 978-0-306-40615-7', '0-306-40615-2'])(
      'should store %s as the ISBN-13 9780306406157',
      (raw) => expect(value(IdentifierScheme.ISBN, raw)).toBe('9780306406157'),
    );

    it.each([
      '978 4 06 512345 4',
      'ISBN: 978-4-06-512345-4',
      'ISBN-13: 978-4-06-512345-4',
      'ISBN13 9784065123454',
      '4-06-512345-3',
      '4 06 512345 3',
      'ISBN-10: 4-06-512345-3',
      'ＩＳＢＮ：９７８－４－０６－５１２３４５－４',
    ])('should store %s as the ISBN-13 9784065123454', (raw) =>
      expect(value(IdentifierScheme.ISBN, raw)).toBe('9784065123454'),
    );

    it('should accept an ISBN-10 ending in a lowercase x', () => {
      expect(value(IdentifierScheme.ISBN, 'isbn 0 8044 2957 x')).toBe('9780804429573');
    });

    it('should accept an ISBN-10 ending in X', () => {
      expect(value(IdentifierScheme.ISBN, '0-8044-2957-X')).toBe('9780804429573');
    });

    it('should reject wrong check digits', () => {
      expect(value(IdentifierScheme.ISBN, '978-0-306-40615-8')).toBe(
        'invalid: ISBN check digit should be 7',
      );
      expect(value(IdentifierScheme.ISBN, '0-306-40615-3')).toBe(
        'invalid: ISBN-10 check digit should be 2',
      );
    });
  });

  describe('proprietary', () => {
    it('should store upper case after folding width', () => {
      expect(value(IdentifierScheme.PROPRIETARY, ' ｎｆ-ＣＡＴ-001 ')).toBe('NF-CAT-001');
    });

    it('should reject spaces inside', () => {
      expect(value(IdentifierScheme.PROPRIETARY, 'CAT 001')).toMatch(/^invalid/);
    });
  });

  describe('IPI name number', () => {
    it.each(['00014107338', '00045620792', '01145982828'])(
      'should accept the published %s',
      (raw) => {
        expect(parseIpiNameNumber(raw)).toEqual({ valid: true, value: raw });
      },
    );

    it('should reject wrong check digits and wrong lengths', () => {
      expect(parseIpiNameNumber('00014107339')).toEqual({
        valid: false,
        reason: 'IPI name number check digits should be 38',
      });
      expect(parseIpiNameNumber('1410733')).toMatchObject({ valid: false });
    });
  });
});
