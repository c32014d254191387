import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { graphql } from '../../graphql/index';
import { ErrorMessage } from '../../components/ErrorMessage';
import { DateText, MoneyText } from '../../components/Format';
import { PageTitle } from '../../components/PageTitle';
import { Pager } from '../../components/Pager';
import { common } from '../../i18n/common';
import { useMessages } from '../../i18n/i18n';
import { workLabels } from '../../i18n/work-labels';
import { request } from '../../lib/api';
import { lastDayOf, reasonKey } from './domain';
import { messages } from './messages';

export const PAGE_SIZE = 20;

const UnclaimedReserves = graphql(`
  query UnclaimedReserves($query: String, $first: Int, $after: String) {
    reserves(filter: { status: OPEN, query: $query }, first: $first, after: $after) {
      totalCount
      edges {
        cursor
        node {
          id
          title
          reason
          releaseAfter
          periodStart
          periodEnd
          category
          societyName
          amount {
            amountMinor
            currency
          }
          work {
            id
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

function Period({ start, end }: { start: string; end: string }) {
  const t = useMessages(messages);
  const [before, middle, after] = t('periodText', { from: '\u0000', to: '\u0000' }).split('\u0000');
  return (
    <>
      {before}
      <DateText value={start} />
      {middle}
      <DateText value={lastDayOf(end)} />
      {after}
    </>
  );
}

export function UnclaimedPage() {
  const t = useMessages(messages);
  const shared = useMessages(common);
  const label = useMessages(workLabels);
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const query = params.get('q') ?? '';
  const [draft, setDraft] = useState(query);
  /** The cursor each page was reached with: the first page has none. */
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [shown, setShown] = useState(query);
  if (shown !== query) {
    setShown(query);
    setDraft(query);
    setCursors([null]);
  }
  const after = cursors[cursors.length - 1] ?? null;
  const reserves = useQuery({
    queryKey: ['unclaimedReserves', query, after],
    queryFn: () =>
      request(UnclaimedReserves, { query: query.trim() || null, first: PAGE_SIZE, after }),
    placeholderData: keepPreviousData,
  });
  const connection = reserves.data?.reserves;
  return (
    <>
      <PageTitle>{t('title')}</PageTitle>
      <p>{t('intro')}</p>
      <section aria-labelledby="steps-title">
        <h2 id="steps-title">{t('stepsTitle')}</h2>
        <ol>
          <li>{t('step1')}</li>
          <li>{t('step2')}</li>
          <li>{t('step3')}</li>
        </ol>
        <p>{t('stepsNote')}</p>
      </section>
      <form
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          const q = draft.trim();
          void navigate(q ? `/unclaimed?${new URLSearchParams({ q }).toString()}` : '/unclaimed');
        }}
      >
        <div className="field">
          <label htmlFor="q">{t('queryLabel')}</label>
          <p className="field-hint" id="q-hint">
            {t('queryHint')}
          </p>
          <div className="search-row">
            <input
              id="q"
              name="q"
              type="search"
              aria-describedby="q-hint"
              value={draft}
              onChange={(e) => setDraft(e.target.value)}
            />
            <button type="submit">{t('search')}</button>
          </div>
        </div>
      </form>
      {reserves.error ? <ErrorMessage error={reserves.error} /> : null}
      {reserves.isPending ? <p role="status">{shared('loading')}</p> : null}
      <div aria-live="polite">
        {connection && connection.edges.length === 0 ? (
          <p>{query.trim() ? t('noMatch', { query }) : t('empty')}</p>
        ) : null}
        {connection && connection.edges.length > 0 ? (
          <section aria-labelledby="reserves-title">
            <h2 id="reserves-title">
              {query.trim() ? t('captionQuery', { query }) : t('caption')}
            </h2>
            <ul className="card-list">
              {connection.edges.map(({ node: reserve }) => {
                const title = reserve.title ?? t('unknownTitle');
                return (
                  <li key={reserve.id}>
                    <h3>
                      {reserve.work ? (
                        <Link className="link-target" to={`/works/${reserve.work.id}`}>
                          {title}
                        </Link>
                      ) : (
                        title
                      )}
                    </h3>
                    <dl className="summary">
                      <div>
                        <dt>{t('amount')}</dt>
                        <dd>
                          <MoneyText money={reserve.amount} />
                        </dd>
                      </div>
                      <div>
                        <dt>{t('why')}</dt>
                        <dd>{t(reasonKey(reserve.reason))}</dd>
                      </div>
                      <div>
                        <dt>{t('until')}</dt>
                        <dd>
                          <DateText value={reserve.releaseAfter} />
                        </dd>
                      </div>
                      <div>
                        <dt>{t('period')}</dt>
                        <dd>
                          <Period start={reserve.periodStart} end={reserve.periodEnd} />
                        </dd>
                      </div>
                      <div>
                        <dt>{t('category')}</dt>
                        <dd>{label(reserve.category)}</dd>
                      </div>
                      {reserve.societyName ? (
                        <div>
                          <dt>{t('society')}</dt>
                          <dd>{reserve.societyName}</dd>
                        </div>
                      ) : null}
                    </dl>
                    <p>
                      <Link
                        className="button"
                        to={`/me/claims/new?reserve=${encodeURIComponent(reserve.id)}`}
                      >
                        {t('claimFor', { title })}
                      </Link>
                    </p>
                  </li>
                );
              })}
            </ul>
            <Pager
              offset={(cursors.length - 1) * PAGE_SIZE}
              count={connection.edges.length}
              total={connection.totalCount}
              hasPrevious={cursors.length > 1}
              hasNext={connection.pageInfo.hasNextPage}
              onPrevious={() => setCursors(cursors.slice(0, -1))}
              onNext={() => setCursors([...cursors, connection.pageInfo.endCursor ?? null])}
            />
          </section>
        ) : null}
      </div>
    </>
  );
}
