import 'reflect-metadata';
import { describe, expect, it } from '@jest/globals';
import { validateSync } from 'class-validator';
import {
  IsCalendarDate,
  IsId,
  IsInstant,
  isCalendarDate,
  isInstant,
  isStorableText,
  isUuid,
} from './validation.js';

describe(isCalendarDate.name, () => {
  it.each(['2026-11-25', '2028-02-29', '2000-02-29', '2026-12-31', '1900-01-01', '9999-12-31'])(
    'should take %s',
    (day) => {
      expect(isCalendarDate(day)).toBe(true);
    },
  );

  it.each([
    '2026-02-30',
    '2027-02-29',
    '1900-02-29',
    '2026-04-31',
    '2026-13-01',
    '2026-00-10',
    '2026-01-00',
    '2026-1-05',
    '2026/11/25',
    '0000-01-01',
    '0001-01-01',
    '1899-12-31',
    '+02026-01-01',
    '2026-01-01T00:00:00Z',
    ' 2026-01-01',
    '2026-01-01\u0000',
    '1',
    '',
  ])('should refuse %j', (day) => {
    expect(isCalendarDate(day)).toBe(false);
  });
});

describe(isInstant.name, () => {
  it.each([
    '2026-12-01T09:00:00Z',
    '2026-12-01T09:00Z',
    '2026-12-01T09:00:00.123Z',
    '2026-12-01T09:00:00.123456789+09:00',
    '2026-12-01T23:59:59-05:30',
    '2028-02-29T00:00:00Z',
    '0001-01-01T00:00:00Z',
    '9999-12-31T23:59:59Z',
  ])('should take %s', (instant) => {
    expect(isInstant(instant)).toBe(true);
  });

  it.each([
    '1',
    '2026',
    '2026-12-01',
    '2026-12-01T09:00:00',
    '2026-02-30T00:00:00Z',
    '2027-02-29T00:00:00Z',
    '0000-01-01T00:00:00Z',
    '2026-12-01T24:00:00Z',
    '2026-12-01T09:60:00Z',
    '2026-12-01T09:00:60Z',
    '2026-12-01T09:00:00+9',
    '2026-12-01T09:00:00+0900',
    '2026-12-01 09:00:00Z',
    '+012026-12-01T09:00:00Z',
    'Tue, 01 Dec 2026 09:00:00 GMT',
    '2026-12-01T09:00:00Z\u0000',
    '',
  ])('should refuse %j', (instant) => {
    expect(isInstant(instant)).toBe(false);
  });
});

describe(isUuid.name, () => {
  it.each([
    '5f0c8a4e-1b2c-4d3e-8f90-a1b2c3d4e5f6',
    '018f5e9a-7c4b-7d2e-9a10-b2c3d4e5f6a7',
    '5F0C8A4E-1B2C-4D3E-8F90-A1B2C3D4E5F6',
  ])('should take %s', (id) => {
    expect(isUuid(id)).toBe(true);
  });

  it.each([
    'x',
    '1',
    '',
    '5f0c8a4e1b2c4d3e8f90a1b2c3d4e5f6',
    '{5f0c8a4e-1b2c-4d3e-8f90-a1b2c3d4e5f6}',
    '5f0c8a4e-1b2c-4d3e-8f90-a1b2c3d4e5f6\u0000',
    '5f0c8a4e-1b2c-4d3e-8f90-a1b2c3d4e5fg',
  ])('should refuse %j', (id) => {
    expect(isUuid(id)).toBe(false);
  });
});

describe(isStorableText.name, () => {
  it.each(['', 'Night Drive', '夜明けのうた', 'emoji 🎵 pair', 'tab\tand\nnewline'])(
    'should take %j',
    (text) => {
      expect(isStorableText(text)).toBe(true);
    },
  );

  it.each([
    'nul\u0000inside',
    '\u0000',
    'high \uD83C alone',
    'low \uDFB5 alone',
    'reversed \uDFB5\uD83C',
    'ends high \uD83C',
  ])('should refuse %j', (text) => {
    expect(isStorableText(text)).toBe(false);
  });
});

class Dates {
  @IsCalendarDate()
  day: unknown;

  @IsInstant()
  at: unknown;

  @IsId()
  id: unknown = '018f5e9a-7c4b-7d2e-9a10-b2c3d4e5f6a7';
}

describe('IsCalendarDate, IsInstant and IsId', () => {
  const problems = (day: unknown, at: unknown) =>
    validateSync(Object.assign(new Dates(), { day, at })).flatMap((error) =>
      Object.values(error.constraints ?? {}),
    );

  it('should pass real values', () => {
    expect(problems('2026-02-28', '2026-02-28T00:00:00Z')).toEqual([]);
  });

  it('should name the field and the rule for values that are not real', () => {
    expect(problems('2026-02-30', '1')).toEqual([
      'day must be a date YYYY-MM-DD that exists, from 1900-01-01 to 9999-12-31',
      'at must be an ISO 8601 instant with a date that exists, a time and an offset, e.g. 2026-12-01T09:00:00Z',
    ]);
    expect(problems(20260228, null)).toHaveLength(2);
  });

  it('should take any UUID as an id, and nothing else', () => {
    const ids = (id: unknown) =>
      validateSync(
        Object.assign(new Dates(), { day: '2026-02-28', at: '2026-02-28T00:00Z', id }),
      ).flatMap((error) => Object.values(error.constraints ?? {}));
    expect(ids('00000000-0000-0000-0000-000000000000')).toEqual([]);
    expect(ids('not-an-id')).toEqual(['id must be a UUID']);
    expect(ids(7)).toEqual(['id must be a UUID']);
  });
});
