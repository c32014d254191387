import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { graphql } from '../../graphql/index';
import { ErrorMessage } from '../../components/ErrorMessage';
import { PageTitle } from '../../components/PageTitle';
import { useMessages } from '../../i18n/i18n';
import { request } from '../../lib/api';
import { messages } from './messages';

const SearchWorks = graphql(`
  query SearchWorks($query: String!) {
    matchWorks(query: $query, first: 20) {
      method
      score
      work {
        id
        title
        category
      }
    }
  }
`);

export function SearchPage() {
  const t = useMessages(messages);
  const [params, setParams] = useSearchParams();
  const query = params.get('q') ?? '';
  const [draft, setDraft] = useState(query);
  const results = useQuery({
    queryKey: ['searchWorks', query],
    queryFn: () => request(SearchWorks, { query }),
    enabled: query.trim().length > 0,
  });
  return (
    <>
      <PageTitle>{t('title')}</PageTitle>
      <p>{t('intro')}</p>
      <form
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          setParams(draft.trim() ? { q: draft.trim() } : {});
        }}
      >
        <label htmlFor="q">{t('queryLabel')}</label>
        <div className="search-row">
          <input id="q" type="search" value={draft} onChange={(e) => setDraft(e.target.value)} />
          <button type="submit">{t('search')}</button>
        </div>
      </form>
      {results.error ? <ErrorMessage error={results.error} /> : null}
      {results.data ? (
        <section aria-live="polite">
          <p>
            {results.data.matchWorks.length
              ? t('results', { count: results.data.matchWorks.length })
              : t('noResults')}
          </p>
          <ul className="result-list">
            {results.data.matchWorks.map(({ work }) => (
              <li key={work.id}>
                <Link to={`/works/${work.id}`}>{work.title}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
