import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { graphql } from '../../graphql/index';
import { ErrorMessage } from '../../components/ErrorMessage';
import { MoneyText } from '../../components/Format';
import { PageTitle } from '../../components/PageTitle';
import { Pager } from '../../components/Pager';
import { RightHolderOnly } from '../../components/RightHolderOnly';
import { common } from '../../i18n/common';
import { useFormat } from '../../i18n/format';
import { useMessages } from '../../i18n/i18n';
import { useTypeWords } from '../../i18n/use-types';
import { request } from '../../lib/api';
import { useCursorPages } from '../../lib/cursor-pages';
import { lastDayOf } from '../../lib/periods';
import { MoneyBar } from './MoneyBar';
import { messages } from './messages';

const PAGE_SIZE = 10;

const MoneyStatements = graphql(`
  query MoneyStatements($holderId: ID!, $first: Int!, $after: String) {
    statements(filter: { holderId: $holderId }, first: $first, after: $after) {
      totalCount
      totals {
        currency
        payable {
          amountMinor
          currency
        }
        held {
          amountMinor
          currency
        }
        reserved {
          amountMinor
          currency
        }
        claimed {
          amountMinor
          currency
        }
      }
      edges {
        cursor
        node {
          batchId
          periodStart
          periodEnd
          category
          societyName
          totalPayable {
            amountMinor
            currency
          }
          totalHeld {
            amountMinor
            currency
          }
          totalReserved {
            amountMinor
            currency
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export function MoneyPage() {
  return <RightHolderOnly>{(party) => <Money holderId={party} />}</RightHolderOnly>;
}

/** The holder's money across batches: totals in words, a picture of them, the statements. */
export function Money({ holderId }: { holderId: string }) {
  const t = useMessages(messages);
  const shared = useMessages(common);
  const words = useMessages(useTypeWords);
  const format = useFormat();
  const pages = useCursorPages(PAGE_SIZE);
  const statements = useQuery({
    queryKey: ['moneyStatements', holderId, pages.after],
    queryFn: () => request(MoneyStatements, { holderId, first: PAGE_SIZE, after: pages.after }),
    placeholderData: keepPreviousData,
  });
  const connection = statements.data?.statements;
  const period = (start: string, end: string) =>
    t('periodRange', { from: format.date(start), to: format.date(lastDayOf(end)) });
  return (
    <>
      <PageTitle>{t('moneyTitle')}</PageTitle>
      <p>{t('moneyIntro')}</p>
      {statements.error ? <ErrorMessage error={statements.error} /> : null}
      {statements.isPending ? <p role="status">{shared('loading')}</p> : null}
      {connection && connection.totalCount === 0 ? <p>{t('noStatements')}</p> : null}
      {connection?.totals.map((totals) => (
        <section key={totals.currency} aria-labelledby={`totals-${totals.currency}`}>
          <h2 id={`totals-${totals.currency}`}>
            {connection.totals.length > 1
              ? t('totalsCaption', { currency: totals.currency })
              : t('totalsTitle')}
          </h2>
          <MoneyBar
            label={t('barLabel')}
            parts={[
              { key: 'payable', label: t('payable'), money: totals.payable },
              { key: 'held', label: t('held'), money: totals.held },
              { key: 'reserved', label: t('reserved'), money: totals.reserved },
            ]}
          />
          {totals.claimed.amountMinor !== '0' ? (
            <p>
              {t('claimed')}: <MoneyText money={totals.claimed} />
            </p>
          ) : null}
          {totals.held.amountMinor !== totals.claimed.amountMinor ? (
            <p>
              {t('heldHint')}{' '}
              <Link className="target" to="/me/claims">
                {t('claimLink')}
              </Link>
            </p>
          ) : null}
        </section>
      ))}
      {connection && connection.edges.length ? (
        <>
          <div className="table-wrap">
            <table>
              <caption>{t('statementsCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('period')}</th>
                  <th scope="col">{t('society')}</th>
                  <th scope="col">{t('category')}</th>
                  <th scope="col" className="number">
                    {t('payable')}
                  </th>
                  <th scope="col" className="number">
                    {t('HELD')}
                  </th>
                  <th scope="col" className="number">
                    {t('RESERVED')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {connection.edges.map(({ node }) => {
                  const range = period(node.periodStart, node.periodEnd);
                  return (
                    <tr key={node.batchId}>
                      <th scope="row">
                        <Link
                          className="target"
                          to={`/me/money/${node.batchId}`}
                          aria-label={t('openFor', { period: range })}
                        >
                          {range}
                        </Link>
                      </th>
                      <td>{node.societyName ?? ''}</td>
                      <td>{words(node.category)}</td>
                      <td className="number">
                        <MoneyText money={node.totalPayable} />
                      </td>
                      <td className="number">
                        <MoneyText money={node.totalHeld} />
                      </td>
                      <td className="number">
                        <MoneyText money={node.totalReserved} />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <Pager
            offset={pages.offset}
            count={connection.edges.length}
            total={connection.totalCount}
            hasPrevious={pages.hasPrevious}
            hasNext={connection.pageInfo.hasNextPage}
            onPrevious={pages.previous}
            onNext={() => pages.next(connection.pageInfo.endCursor)}
          />
        </>
      ) : null}
    </>
  );
}
