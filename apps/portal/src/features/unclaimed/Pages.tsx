import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { graphql } from '../../graphql/index';
import { ErrorMessage } from '../../components/ErrorMessage';
import { DateText, MoneyText } from '../../components/Format';
import { PageTitle } from '../../components/PageTitle';
import { common } from '../../i18n/common';
import { useMessages } from '../../i18n/i18n';
import { request } from '../../lib/api';
import { reasonKey, reserveTitle, titleHolds } from './domain';
import { messages } from './messages';

const UnclaimedReserves = graphql(`
  query UnclaimedReserves($first: Int) {
    reserves(filter: { status: OPEN }, first: $first) {
      edges {
        node {
          id
          workKey
          reason
          releaseAfter
          amount {
            amountMinor
            currency
          }
          work {
            id
            title
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

export function UnclaimedPage() {
  const t = useMessages(messages);
  const shared = useMessages(common);
  const [params, setParams] = useSearchParams();
  const query = params.get('q') ?? '';
  const [draft, setDraft] = useState(query);
  const [shown, setShown] = useState(query);
  if (shown !== query) {
    setShown(query);
    setDraft(query);
  }
  const reserves = useQuery({
    queryKey: ['unclaimedReserves'],
    queryFn: () => request(UnclaimedReserves, { first: 100 }),
  });
  const all = (reserves.data?.reserves.edges ?? []).map(({ node }) => ({
    ...node,
    title: reserveTitle(node),
  }));
  const found = query.trim()
    ? all.filter((reserve) => reserve.title !== null && titleHolds(reserve.title, query))
    : all;
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
          setParams(draft.trim() ? { q: draft.trim() } : {});
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
        {reserves.data && found.length === 0 ? (
          <p>{query.trim() ? t('noMatch', { query }) : t('empty')}</p>
        ) : null}
        {found.length > 0 ? (
          <section aria-labelledby="reserves-title">
            <h2 id="reserves-title">
              {query.trim() ? t('captionQuery', { query }) : t('caption')}
            </h2>
            <ul className="card-list">
              {found.map((reserve) => (
                <li key={reserve.id}>
                  <h3>
                    {reserve.work ? (
                      <Link to={`/works/${reserve.work.id}`}>{reserve.title}</Link>
                    ) : (
                      (reserve.title ?? t('unknownTitle'))
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
                  </dl>
                  <p>
                    <Link
                      className="button"
                      to={`/me/claims/new?reserve=${encodeURIComponent(reserve.id)}`}
                    >
                      {t('claimFor', { title: reserve.title ?? t('unknownTitle') })}
                    </Link>
                  </p>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </div>
    </>
  );
}
