import { describe, expect, it } from '@jest/globals';
import { STATEMENT_CSV_COLUMNS, UTF8_BOM, statementCsv } from './statement-csv.js';

const setup = () => ({
  sut: statementCsv,
  head: {
    holderId: 'h-1',
    holderName: '山田, "花子"',
    societyName: '=Society',
    batch: {
      id: 'b-1',
      societyId: 's-1',
      periodStart: '2026-11-01',
      periodEnd: '2026-12-01',
      category: 'MUSIC',
      currency: 'JPY',
    },
  },
});

describe('statementCsv', () => {
  it('should write one header and a row per line naming holder, society and period', () => {
    const { sut, head } = setup();
    const csv = sut(head, [
      { workKey: 'w-1', title: '桜の雨', useType: 'STREAM', amount: 30909n, status: 'PAYABLE' },
    ]);
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual([
      STATEMENT_CSV_COLUMNS.join(','),
      `h-1,"山田, ""花子""",s-1,'=Society,b-1,2026-11-01,2026-12-01,MUSIC,w-1,桜の雨,STREAM,30909,JPY,PAYABLE`,
      '',
    ]);
  });

  it('should leave unknown names and titles empty', () => {
    const { sut, head } = setup();
    const csv = sut({ ...head, holderName: null, societyName: null }, [
      { workKey: 'w-2', title: null, useType: 'SNS_POST', amount: 1n, status: 'HELD' },
    ]);
    expect(csv.split('\r\n')[1]).toBe(
      ',,s-1,,b-1,2026-11-01,2026-12-01,MUSIC,w-2,,SNS_POST,1,JPY,HELD'.replace(/^/, 'h-1'),
    );
  });
});
