import { describe, expect, it } from '@jest/globals';
import { WorkError } from './work.errors.js';
import { validateWorkNames } from './work-registration.js';

describe(validateWorkNames.name, () => {
  it('should keep what is left out and store what is given in stored form', () => {
    const names = validateWorkNames({
      title: '  Ｓａｋｕｒａ  ',
      creatorNames: [' 田中 ゆい ', ''],
    });

    expect(names).toEqual({
      title: 'Ｓａｋｕｒａ',
      normalizedTitle: 'sakura',
      creatorNames: ['田中 ゆい'],
      normalizedCreators: '田中 ユイ',
    });
    expect(names).not.toHaveProperty('alternativeTitles');
  });

  it('should replace alternative titles with those given, an empty list removing them', () => {
    expect(validateWorkNames({ alternativeTitles: [] })).toEqual({ alternativeTitles: [] });
    expect(
      validateWorkNames({ alternativeTitles: [{ title: ' Cherry Rain ', language: 'en' }] }),
    ).toEqual({
      alternativeTitles: [{ title: 'Cherry Rain', normalizedTitle: 'cherry rain', language: 'en' }],
    });
  });

  it('should refuse an empty title', () => {
    expect(() => validateWorkNames({ title: '   ' })).toThrow(WorkError);
  });
});
