import { describe, expect, it } from '@jest/globals';
import { SPREADSHEET_SCENARIOS } from './spreadsheet-text.scenarios.js';
import { csvCell, spreadsheetText } from './spreadsheet-text.js';

describe(spreadsheetText.name, () => {
  it.each(SPREADSHEET_SCENARIOS)('should export %j as %j', (value, expected) => {
    expect(spreadsheetText(value)).toBe(expected);
  });
});

describe(csvCell.name, () => {
  it('should quote a cell holding a comma, a quote or a line break, after making it safe', () => {
    expect(csvCell('Night Drive')).toBe('Night Drive');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=1,2')).toBe(`"'=1,2"`);
  });
});
