import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { graphql } from '../../graphql/index';
import { ErrorMessage } from '../../components/ErrorMessage';
import { PageTitle } from '../../components/PageTitle';
import { Pager } from '../../components/Pager';
import { common } from '../../i18n/common';
import { useMessages } from '../../i18n/i18n';
import { request } from '../../lib/api';
import { useSession } from '../../lib/session';
import { useLabels } from './labels';
import { NotHolder } from './NotHolder';

const PAGE_SIZE = 20;

const WorksMine = graphql(`
  query WorksMine($holderId: ID!, $first: Int, $after: String) {
    works(filter: { holderId: $holderId }, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          title
          category
          disputed
          identifiers {
            scheme
            value
          }
          shares {
            holderId
            rightType
            shareBps
          }
          optOuts {
            id
            inForce
          }
        }
      }
    }
  }
`);

export function MyWorksPage() {
  const { t, category, scheme, share } = useLabels();
  const shared = useMessages(common);
  const { session } = useSession();
  const party = session?.party;
  // The cursors of the pages come through, so "previous" goes back without counting.
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const after = cursors[cursors.length - 1];
  const works = useQuery({
    queryKey: ['worksMine', party, after],
    queryFn: () => request(WorksMine, { holderId: party!, first: PAGE_SIZE, after }),
    enabled: Boolean(party) && session?.role === 'RIGHT_HOLDER',
  });
  if (session?.role !== 'RIGHT_HOLDER') return <NotHolder title={t('worksTitle')} />;
  const data = works.data?.works;
  return (
    <>
      <PageTitle>{t('worksTitle')}</PageTitle>
      <p>{t('worksIntro')}</p>
      <div className="actions">
        <Link className="button" to="/me/works/new">
          {t('registerWork')}
        </Link>
        <Link className="button button-secondary" to="/me/works/import">
          {t('importWorks')}
        </Link>
      </div>
      {works.isPending ? <p role="status">{shared('loading')}</p> : null}
      {works.error ? <ErrorMessage error={works.error} /> : null}
      {data ? (
        <section aria-live="polite">
          <p>{data.totalCount ? t('worksCount', { count: data.totalCount }) : t('noWorks')}</p>
          <ul className="card-list">
            {data.edges.map(({ node: work }) => {
              const mine = work.shares.filter((s) => s.holderId === party);
              const optedOut = work.optOuts.some((optOut) => optOut.inForce);
              return (
                <li key={work.id}>
                  <h2>
                    <Link to={`/works/${work.id}`}>{work.title}</Link>
                  </h2>
                  <p className="meta">
                    <span className="tag">{category(work.category)}</span>{' '}
                    <span className={optedOut ? 'tag tag-out' : 'tag'}>
                      {optedOut ? t('optedOut') : t('inScheme')}
                    </span>{' '}
                    {work.disputed ? <span className="tag tag-out">{t('disputed')}</span> : null}
                  </p>
                  <dl className="summary">
                    <dt>{t('identifiers')}</dt>
                    <dd>
                      {work.identifiers.length
                        ? work.identifiers
                            .map((id) => `${scheme(id.scheme)} ${id.value}`)
                            .join(', ')
                        : t('none')}
                    </dd>
                    <dt>{t('myShareNow')}</dt>
                    <dd>{mine.length ? mine.map(share).join(', ') : t('noShareNow')}</dd>
                  </dl>
                  <p>
                    <Link
                      to={`/me/works/${work.id}/shares`}
                      style={{ display: 'inline-block', padding: '0.25rem 0' }}
                    >
                      {t('changeSharesOf', { title: work.title })}
                    </Link>
                  </p>
                </li>
              );
            })}
          </ul>
          <Pager
            offset={(cursors.length - 1) * PAGE_SIZE}
            count={data.edges.length}
            total={data.totalCount}
            hasPrevious={cursors.length > 1}
            hasNext={data.pageInfo.hasNextPage}
            onPrevious={() => setCursors(cursors.slice(0, -1))}
            onNext={() => setCursors([...cursors, data.pageInfo.endCursor ?? undefined])}
          />
        </section>
      ) : null}
    </>
  );
}
