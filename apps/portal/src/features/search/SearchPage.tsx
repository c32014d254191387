import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { graphql } from '../../graphql/index';
import type { WorkCategory } from '../../graphql/graphql';
import { ErrorMessage } from '../../components/ErrorMessage';
import { PageTitle } from '../../components/PageTitle';
import { useFormat } from '../../i18n/format';
import { useMessages } from '../../i18n/i18n';
import { WORK_CATEGORIES, workLabels } from '../../i18n/work-labels';
import { request } from '../../lib/api';
import { isOutOfScheme, matchedHowKey, searchParamsOf } from './domain';
import { messages } from './messages';

// Fifteen works with their opt-outs keep the operation within what a visitor may ask at once.
const SearchWorks = graphql(`
  query SearchWorks($query: String!, $category: WorkCategory) {
    matchWorks(query: $query, category: $category, first: 15) {
      method
      score
      work {
        id
        title
        category
        creatorNames
        optOuts {
          useTypes
          effectiveFrom
          withdrawnAt
          inForce
        }
      }
    }
  }
`);

/** Demo titles the empty page offers as examples. */
export const EXAMPLES = { title: '夜明けのうた', identifier: 'JP-D00-26-00002' };

export function SearchPage() {
  const t = useMessages(messages);
  const format = useFormat();
  const label = useMessages(workLabels);
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const query = params.get('q') ?? '';
  const category = params.get('category') ?? '';
  const [draft, setDraft] = useState(query);
  const [draftCategory, setDraftCategory] = useState(category);
  // A link (an example, the browser's back button) changes the address: the form follows it.
  const [shown, setShown] = useState({ query, category });
  if (shown.query !== query || shown.category !== category) {
    setShown({ query, category });
    setDraft(query);
    setDraftCategory(category);
  }
  const results = useQuery({
    queryKey: ['searchWorks', query, category],
    queryFn: () =>
      request(SearchWorks, {
        query,
        // Left out when not chosen: the search takes an absent category, not a null one.
        category: (category || undefined) as WorkCategory | undefined,
      }),
    enabled: query.trim().length > 0,
  });
  const matches = results.data?.matchWorks;
  return (
    <>
      <PageTitle>{t('title')}</PageTitle>
      <p>{t('intro')}</p>
      <form
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          void navigate(
            `/search?${new URLSearchParams(searchParamsOf(draft, draftCategory)).toString()}`,
          );
        }}
      >
        <div className="field">
          <label htmlFor="q">{t('queryLabel')}</label>
          <div className="search-row">
            <input
              id="q"
              name="q"
              type="search"
              value={draft}
              onChange={(e) => setDraft(e.target.value)}
            />
            <button type="submit">{t('search')}</button>
          </div>
        </div>
        <div className="field">
          <label htmlFor="category">{t('categoryLabel')}</label>
          <select
            id="category"
            name="category"
            value={draftCategory}
            onChange={(e) => setDraftCategory(e.target.value)}
          >
            <option value="">{t('allCategories')}</option>
            {WORK_CATEGORIES.map((value) => (
              <option key={value} value={value}>
                {label(value)}
              </option>
            ))}
          </select>
        </div>
      </form>
      {results.error ? <ErrorMessage error={results.error} /> : null}
      {!query.trim() ? (
        <section aria-labelledby="empty-title">
          <h2 id="empty-title">{t('emptyTitle')}</h2>
          <p>{t('emptyBody')}</p>
          <ul>
            <li>
              <Link className="link-target" to={`/search?q=${encodeURIComponent(EXAMPLES.title)}`}>
                {EXAMPLES.title}
              </Link>
              <span className="meta"> ({t('exampleTitle')})</span>
            </li>
            <li>
              <Link
                className="link-target"
                to={`/search?q=${encodeURIComponent(EXAMPLES.identifier)}`}
              >
                {EXAMPLES.identifier}
              </Link>
              <span className="meta"> ({t('exampleIdentifier')})</span>
            </li>
          </ul>
        </section>
      ) : null}
      <div aria-live="polite">
        {matches && matches.length === 0 ? (
          <section className="notice" aria-labelledby="no-results-title">
            <h2 id="no-results-title" className="notice-title">
              {t('noResultsTitle', { query })}
            </h2>
            <ul>
              <li>{t('noResultsAdvice1')}</li>
              <li>{t('noResultsAdvice2')}</li>
              {category ? <li>{t('noResultsAdvice3')}</li> : null}
            </ul>
          </section>
        ) : null}
        {matches && matches.length > 0 ? (
          <section aria-labelledby="results-title">
            <h2 id="results-title">
              {matches.length === 1
                ? t('oneResult', { query })
                : t('results', { count: matches.length, query })}
            </h2>
            <ul className="result-list">
              {matches.map(({ work, method }) => (
                <li key={work.id}>
                  <p>
                    <Link className="link-target" to={`/works/${work.id}`}>
                      {work.title}
                    </Link>{' '}
                    {isOutOfScheme(work.optOuts) ? (
                      <span className="tag tag-out">{t('outOfScheme')}</span>
                    ) : null}
                  </p>
                  <p className="meta">
                    {label(work.category)}
                    {work.creatorNames.length
                      ? ` · ${t('creators')}: ${format.list(work.creatorNames)}`
                      : ''}
                    {` · ${t('matched')}: ${t(matchedHowKey(method))}`}
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
