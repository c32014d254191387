import { describe, expect, it } from '@jest/globals';
import { draftErrors, effectiveFromOf, localToday, standingOf, type OptOutDraft } from './form';

const draft = (change: Partial<OptOutDraft> = {}): OptOutDraft => ({
  scope: 'WORK',
  workId: 'w1',
  allUses: true,
  useTypes: [],
  fromNow: true,
  date: '',
  ...change,
});

describe('the new opt-out form', () => {
  it('should need a work for one work, a use for some uses, a date from today for later', () => {
    expect(draftErrors(draft(), '2026-11-30')).toEqual([]);
    expect(draftErrors(draft({ scope: 'ALL_WORKS', workId: '' }), '2026-11-30')).toEqual([]);
    expect(
      draftErrors(
        draft({ workId: '', allUses: false, fromNow: false, date: '2026-11-29' }),
        '2026-11-30',
      ),
    ).toEqual([
      { field: 'work', error: 'errorWork' },
      { field: 'use-STREAM', error: 'errorUses' },
      { field: 'date', error: 'errorDate' },
    ]);
    expect(draftErrors(draft({ fromNow: false, date: '2026-11-30' }), '2026-11-30')).toEqual([]);
    expect(draftErrors(draft({ fromNow: false, date: '30/11/2026' }), '2026-11-30')).toHaveLength(
      1,
    );
  });

  it('should start now, or at the start of a later day where the person is', () => {
    expect(effectiveFromOf(draft())).toBeUndefined();
    const later = effectiveFromOf(draft({ fromNow: false, date: '2999-01-02' }))!;
    expect(new Date(later).getTime()).toBe(new Date(2999, 0, 2).getTime());
    // Today's start has passed: that is now.
    expect(effectiveFromOf(draft({ fromNow: false, date: localToday() }))).toBeUndefined();
  });

  it('should tell in force, starting later and withdrawn apart', () => {
    expect(standingOf({ inForce: true, withdrawnAt: null })).toBe('inForce');
    expect(standingOf({ inForce: false, withdrawnAt: null })).toBe('notYet');
    expect(standingOf({ inForce: false, withdrawnAt: '2026-01-01T00:00:00Z' })).toBe('withdrawn');
  });
});
