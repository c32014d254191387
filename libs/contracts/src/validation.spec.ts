import { describe, expect, it } from '@jest/globals';
import { isCalendarDate } from './validation.js';

describe(isCalendarDate.name, () => {
  it('should take only dates YYYY-MM-DD that exist', () => {
    for (const day of ['2026-11-25', '2028-02-29', '2026-12-31'])
      expect(isCalendarDate(day)).toBe(true);
    for (const day of [
      '2026-02-30',
      '2026-13-01',
      '2026-00-10',
      '2026-1-05',
      '2026/11/25',
      '',
      '2027-02-29',
    ])
      expect(isCalendarDate(day)).toBe(false);
  });
});
