import { inApp, stubApi, type SentOperation } from '../../lib/testing';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Money } from './MoneyPage';
import { barShares } from './MoneyBar';
import { Statement } from './StatementPage';

const yen = (amountMinor: string) => ({ amountMinor, currency: 'JPY' });
let restore = () => {};
afterEach(() => restore());

const statementNode = (batchId: string, periodStart: string, periodEnd: string) => ({
  batchId,
  periodStart,
  periodEnd,
  category: 'MUSIC',
  societyName: 'さくら音楽著作権協会',
  totalPayable: yen('0'),
  totalHeld: yen('6136'),
  totalReserved: yen('0'),
});

describe('my money', () => {
  let sent: SentOperation[];
  beforeEach(() => {
    ({ sent, restore } = stubApi({
      MoneyStatements: ({ after }) => ({
        statements: {
          totalCount: 11,
          totals: [
            {
              currency: 'JPY',
              payable: yen('1200'),
              held: yen('6136'),
              reserved: yen('300'),
              claimed: yen('0'),
            },
          ],
          edges: after
            ? [{ cursor: 'c11', node: statementNode('b11', '2025-01-01', '2025-02-01') }]
            : [{ cursor: 'c1', node: statementNode('b1', '2026-11-01', '2026-12-01') }],
          pageInfo: { hasNextPage: !after, endCursor: after ? 'c11' : 'c10' },
        },
      }),
    }));
  });

  it('should give the totals in words, as text beside the picture, and page the statements', async () => {
    const user = userEvent.setup();
    render(inApp(<Money holderId="p1" />));
    await screen.findByRole('table', { name: 'Your statements' });
    expect(
      screen.getByText('To be paid to you', { selector: 'dt' }).nextElementSibling?.textContent,
    ).toBe('¥1,200');
    const held = screen.getByText('Held until you claim it (you are not a member of a society)', {
      selector: 'dt',
    });
    expect(held.nextElementSibling?.textContent).toBe('¥6,136');
    expect(
      screen.getByText('Held while a dispute is settled', { selector: 'dt' }).nextElementSibling
        ?.textContent,
    ).toBe('¥300');
    expect(
      screen.getByRole('link', { name: 'Claim money held for you' }).getAttribute('href'),
    ).toBe('/me/claims');
    const table = screen.getByRole('table', { name: 'Your statements' });
    const link = within(table).getByRole('link', {
      name: 'Open the statement for 1 November 2026 to 30 November 2026',
    });
    expect(link.getAttribute('href')).toBe('/me/money/b1');
    expect(within(table).getByText('Music')).toBeTruthy();
    expect(screen.getByText('Showing 1–1 of 11')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByText('Showing 11–11 of 11')).toBeTruthy();
    expect(sent.at(-1)!.variables).toEqual({ holderId: 'p1', first: 10, after: 'c10' });
  });

  it('should speak Japanese', async () => {
    render(inApp(<Money holderId="p1" />, 'ja'));
    expect(await screen.findByText('お支払いする金額', { selector: 'dt' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: '分配金' })).toBeTruthy();
    expect(screen.getByText('2026年11月1日〜2026年11月30日')).toBeTruthy();
  });

  it('should share the bar by the amounts, and draw nothing for no money', () => {
    expect(barShares(['300', '100', '0'])).toEqual([75, 25, 0]);
    expect(barShares(['0', '0', '0'])).toEqual([0, 0, 0]);
  });
});

describe('a statement', () => {
  let paths: { path: string; headers: Record<string, string> }[];
  beforeEach(() => {
    ({ paths, restore } = stubApi(
      {
        MoneyStatement: ({ batchId }) =>
          batchId === 'b1'
            ? {
                statement: {
                  batchId: 'b1',
                  holderName: '田中 ゆい',
                  societyName: 'さくら音楽著作権協会',
                  category: 'MUSIC',
                  periodStart: '2026-11-01',
                  periodEnd: '2026-12-01',
                  approvedAt: '2026-12-02T03:00:00Z',
                  useTypes: ['STREAM', 'SNS_POST'],
                  currency: 'JPY',
                  totalPayable: yen('0'),
                  totalHeld: yen('600'),
                  totalReserved: yen('100'),
                  totalClaimed: yen('0'),
                  lines: [
                    {
                      workKey: 'w1',
                      title: '桜の雨',
                      useType: 'STREAM',
                      amount: yen('500'),
                      status: 'HELD',
                    },
                    {
                      workKey: 'w1',
                      title: '桜の雨',
                      useType: 'SNS_POST',
                      amount: yen('100'),
                      status: 'HELD',
                    },
                    {
                      workKey: 'w2',
                      title: '星のうた',
                      useType: 'STREAM',
                      amount: yen('100'),
                      status: 'RESERVED',
                    },
                  ],
                },
              }
            : { statement: null },
      },
      {
        '/v1/distribution-batches/b1/statements/p1.csv': {
          body: 'work_key,use_type,amount,currency,status\nw1,STREAM,500,JPY,HELD\n',
          type: 'text/csv',
        },
      },
    ));
  });

  it('should read as a document: who, which society and period, lines in words with a total', async () => {
    render(inApp(<Statement batchId="b1" holderId="p1" />));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Statement for 田中 ゆい' }),
    ).toBeTruthy();
    expect(screen.getByText('さくら音楽著作権協会')).toBeTruthy();
    expect(screen.getByText('1 November 2026 to 30 November 2026')).toBeTruthy();
    expect(screen.getByText('Streaming, Posts on social networks')).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Money per work and use' });
    const rows = within(table).getAllByRole('row');
    expect(rows.map((row) => row.textContent)).toEqual([
      'WorkUseAmountStatus',
      'Total¥700',
      '桜の雨Streaming¥500Held until you claim it',
      '桜の雨Posts on social networks¥100Held until you claim it',
      '星のうたStreaming¥100Held while a dispute is settled',
    ]);
  });

  it('should fetch the CSV with the person’s request and offer print', async () => {
    const user = userEvent.setup();
    const clicked: string[] = [];
    URL.createObjectURL = () => 'blob:statement';
    URL.revokeObjectURL = () => {};
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    };
    let printed = 0;
    window.print = () => void printed++;
    render(inApp(<Statement batchId="b1" holderId="p1" />));
    await user.click(await screen.findByRole('button', { name: 'Download as CSV (spreadsheet)' }));
    await screen.findByRole('button', { name: 'Download as CSV (spreadsheet)' });
    expect(paths.map((p) => p.path)).toContain('/v1/distribution-batches/b1/statements/p1.csv');
    expect(clicked).toEqual(['statement-b1-p1.csv']);
    await user.click(screen.getByRole('button', { name: 'Print or save as PDF' }));
    expect(printed).toBe(1);
  });

  it('should say a statement it cannot show is not found, as a sentence', async () => {
    render(inApp(<Statement batchId="nope" holderId="p1" />));
    expect(
      await screen.findByText(
        'We could not find it. It may not exist, or you may not be allowed to see it.',
      ),
    ).toBeTruthy();
  });
});
