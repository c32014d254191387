import { describe, expect, it } from '@jest/globals';
import {
  MAX_GRAPHQL_LINES,
  TOO_MANY_GRAPHQL_LINES,
  lineNumber,
  rejectedLinesPath,
  reportStatus,
} from './usage-intake.js';

describe('usage intake', () => {
  it('should number CSV lines as the file does and GraphQL lines from 1', () => {
    expect(lineNumber('csv', { physical: 2, record: 1 })).toBe(2);
    expect(lineNumber('csv', { physical: 7, record: 3 })).toBe(7);
    expect(lineNumber('graphql', { physical: 7, record: 3 })).toBe(3);
  });

  it('should call a report REJECTED only when no line was accepted', () => {
    expect(reportStatus({ linesAccepted: 0 })).toBe('REJECTED');
    expect(reportStatus({ linesAccepted: 1 })).toBe('ACCEPTED');
  });

  it('should point a report too large for GraphQL to the CSV route', () => {
    expect(MAX_GRAPHQL_LINES).toBe(4000);
    expect(TOO_MANY_GRAPHQL_LINES).toBe(
      'lines: a report sent through submitUsageReport has at most 4,000 lines; send larger reports as CSV to POST /v1/usage-reports',
    );
  });

  it('should give the rejected lines of a report as a path of the public API', () => {
    expect(rejectedLinesPath('01a22eca-e0b1-742a-a757-aed8dce81f65')).toBe(
      '/v1/usage-reports/01a22eca-e0b1-742a-a757-aed8dce81f65/errors.csv',
    );
  });
});
