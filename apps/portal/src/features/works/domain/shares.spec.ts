import { describe, expect, it } from '@jest/globals';
import { bpsToPercent, checkShares, percentToBps } from './shares';

const ME = '0190a1b2-0000-7000-8000-000000000001';
const OTHER = '0190a1b2-0000-7000-8000-000000000002';

describe('percentToBps', () => {
  it('should read whole and decimal percentages as basis points', () => {
    expect(percentToBps('50')).toBe(5000);
    expect(percentToBps('33.33')).toBe(3333);
    expect(percentToBps('12,5')).toBe(1250);
    expect(percentToBps('100%')).toBe(10000);
  });

  it('should refuse what is not a percentage of a right', () => {
    for (const text of ['', '0', '100.01', '1.234', 'half', '-5'])
      expect(percentToBps(text)).toBe(undefined);
  });

  it('should write basis points back as a percentage', () => {
    expect(bpsToPercent(3333)).toBe('33.33');
    expect(bpsToPercent(5000)).toBe('50');
    expect(bpsToPercent(1250)).toBe('12.5');
  });
});

describe('checkShares', () => {
  it('should accept shares of at most 100 % per right with one of mine', () => {
    const checked = checkShares(
      [
        { key: 'a', holderId: ME, rightType: 'PERFORMANCE', percent: '60' },
        { key: 'b', holderId: OTHER, rightType: 'PERFORMANCE', percent: '40' },
        { key: 'c', holderId: ME, rightType: 'REPRODUCTION', percent: '100' },
      ],
      ME,
    );
    expect(checked.problems).toEqual([]);
    expect(checked.shares).toEqual([
      { holderId: ME, rightType: 'PERFORMANCE', shareBps: 6000 },
      { holderId: OTHER, rightType: 'PERFORMANCE', shareBps: 4000 },
      { holderId: ME, rightType: 'REPRODUCTION', shareBps: 10000 },
    ]);
  });

  it('should say which right adds up to more than 100 %', () => {
    const checked = checkShares(
      [
        { key: 'a', holderId: ME, rightType: 'PERFORMANCE', percent: '60' },
        { key: 'b', holderId: OTHER, rightType: 'PERFORMANCE', percent: '50' },
      ],
      ME,
    );
    expect(checked.problems).toEqual([
      { key: 'total-PERFORMANCE', problem: 'totalOver', rightType: 'PERFORMANCE' },
    ]);
  });

  it('should name each bad row and a set without a share of mine', () => {
    const checked = checkShares(
      [{ key: 'a', holderId: 'someone', rightType: 'PERFORMANCE', percent: 'lots' }],
      ME,
    );
    expect(checked.problems).toEqual([
      { key: 'a-holder', problem: 'holderMissing' },
      { key: 'a-percent', problem: 'percentShape' },
      { key: 'shares', problem: 'noShareOfMine' },
    ]);
  });
});
