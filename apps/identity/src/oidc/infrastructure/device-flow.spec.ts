import { describe, expect, it } from '@jest/globals';
import { deviceFlowFeature, problemOf } from './device-flow.js';

/** An error as the provider's device pages raise it (they are named by their class). */
const raised = (name: string) => Object.assign(new Error('from the provider'), { name });

describe(problemOf.name, () => {
  it('should name each refusal of the code entry pages, and any other error as a failure', () => {
    expect(problemOf(raised('NoCodeError'))).toBe('code-missing');
    expect(problemOf(raised('NotFoundError'))).toBe('code-unknown');
    expect(problemOf(raised('ExpiredError'))).toBe('code-expired');
    expect(problemOf(raised('AlreadyUsedError'))).toBe('code-used');
    expect(problemOf(raised('AbortedError'))).toBe('aborted');
    expect(problemOf(raised('InvalidRequest'))).toBe('failed');
  });
});

describe(deviceFlowFeature.name, () => {
  it('should make user codes of eight consonants in two groups', () => {
    expect(deviceFlowFeature()).toMatchObject({
      enabled: true,
      charset: 'base-20',
      mask: '****-****',
    });
  });
});
