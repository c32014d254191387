import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { graphql } from '../../graphql/index';
import { ErrorMessage } from '../../components/ErrorMessage';
import { DateText, MoneyText } from '../../components/Format';
import { PageTitle } from '../../components/PageTitle';
import { Pager } from '../../components/Pager';
import { RightHolderOnly } from '../../components/RightHolderOnly';
import { common } from '../../i18n/common';
import { useFormat } from '../../i18n/format';
import { useMessages } from '../../i18n/i18n';
import { request } from '../../lib/api';
import { useCursorPages } from '../../lib/cursor-pages';
import { messages } from './messages';

const PAGE_SIZE = 10;

const ClaimsMine = graphql(`
  query ClaimsMine($holderId: ID!, $first: Int!, $after: String) {
    claims(filter: { holderId: $holderId }, first: $first, after: $after) {
      totalCount
      edges {
        cursor
        node {
          id
          status
          createdAt
          settledAt
          reserve {
            id
            workKey
            title
            amount {
              amountMinor
              currency
            }
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

export function MyClaimsPage() {
  return <RightHolderOnly>{(party) => <MyClaims holderId={party} />}</RightHolderOnly>;
}

/** The holder's claims on held money, newest first, each with where it stands. */
export function MyClaims({ holderId }: { holderId: string }) {
  const t = useMessages(messages);
  const shared = useMessages(common);
  const format = useFormat();
  const pages = useCursorPages(PAGE_SIZE);
  const after = pages.after;
  const claims = useQuery({
    queryKey: ['claimsMine', holderId, after],
    queryFn: () => request(ClaimsMine, { holderId, first: PAGE_SIZE, after }),
    placeholderData: keepPreviousData,
  });
  const connection = claims.data?.claims;
  return (
    <>
      <PageTitle>{t('listTitle')}</PageTitle>
      <p>{t('listIntro')}</p>
      <p>
        <Link className="target" to="/unclaimed">
          {t('findMoney')}
        </Link>
      </p>
      {claims.error ? <ErrorMessage error={claims.error} /> : null}
      {claims.isPending ? <p role="status">{shared('loading')}</p> : null}
      {connection && connection.totalCount === 0 ? <p>{t('none')}</p> : null}
      {connection && connection.edges.length ? (
        <>
          <div className="table-wrap">
            <table>
              <caption>{t('captionClaims')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('what')}</th>
                  <th scope="col" className="number">
                    {t('amount')}
                  </th>
                  <th scope="col">{t('claimedOn')}</th>
                  <th scope="col">{t('status')}</th>
                </tr>
              </thead>
              <tbody>
                {connection.edges.map(({ node }) => (
                  <tr key={node.id}>
                    <th scope="row">
                      {node.reserve?.title ??
                        t('unknownWork', { key: node.reserve?.workKey ?? node.id })}
                    </th>
                    <td className="number">
                      {node.reserve ? <MoneyText money={node.reserve.amount} /> : null}
                    </td>
                    <td>
                      <DateText value={node.createdAt} />
                    </td>
                    <td>
                      <span className="tag">{t(node.status)}</span>
                      {node.settledAt ? (
                        <span className="meta">
                          {' '}
                          {t('settledOn', { date: format.date(node.settledAt) })}
                        </span>
                      ) : null}
                    </td>
                  </tr>
                ))}
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
