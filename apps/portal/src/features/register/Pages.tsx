import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { graphql } from '../../graphql/index';
import type { UseType, WorkCategory } from '../../graphql/graphql';
import { ErrorMessage } from '../../components/ErrorMessage';
import { DateText } from '../../components/Format';
import { PageTitle } from '../../components/PageTitle';
import { Pager } from '../../components/Pager';
import { common } from '../../i18n/common';
import { useFormat } from '../../i18n/format';
import { useMessages } from '../../i18n/i18n';
import { WORK_CATEGORIES, workLabels } from '../../i18n/work-labels';
import { request } from '../../lib/api';
import { messages } from './messages';

export const PAGE_SIZE = 20;

const RegisterEntries = graphql(`
  query RegisterEntries($category: WorkCategory, $query: String, $first: Int, $after: String) {
    optOutRegister(category: $category, query: $query, first: $first, after: $after) {
      totalCount
      edges {
        cursor
        node {
          title
          category
          useTypes
          since
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

/** Which uses an entry is out for, as words: none listed means every use. */
export function usesText(
  useTypes: readonly string[],
  allUses: string,
  name: (useType: string) => string,
  list: (items: readonly string[]) => string = (items) => items.join('、'),
): string {
  return useTypes.length === 0 ? allUses : list(useTypes.map(name));
}

export function OptOutRegisterPage() {
  const t = useMessages(messages);
  const format = useFormat();
  const shared = useMessages(common);
  const label = useMessages(workLabels);
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const category = params.get('category') ?? '';
  const query = params.get('q') ?? '';
  const [draft, setDraft] = useState(category);
  const [draftQuery, setDraftQuery] = useState(query);
  /** The cursor each page was reached with: the first page has none. */
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [shown, setShown] = useState({ category, query });
  if (shown.category !== category || shown.query !== query) {
    setShown({ category, query });
    setDraft(category);
    setDraftQuery(query);
    setCursors([null]);
  }
  const after = cursors[cursors.length - 1] ?? null;
  const register = useQuery({
    queryKey: ['optOutRegister', category, query, after],
    queryFn: () =>
      request(RegisterEntries, {
        // Left out when not chosen: the register takes an absent filter, not a null one.
        category: (category || undefined) as WorkCategory | undefined,
        query: query.trim() || undefined,
        first: PAGE_SIZE,
        after,
      }),
    placeholderData: keepPreviousData,
  });
  const connection = register.data?.optOutRegister;
  return (
    <>
      <PageTitle>{t('title')}</PageTitle>
      <p>{t('intro1')}</p>
      <p>{t('intro2')}</p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const search = new URLSearchParams();
          if (draftQuery.trim()) search.set('q', draftQuery.trim());
          if (draft) search.set('category', draft);
          const text = search.toString();
          void navigate(text ? `/opt-out-register?${text}` : '/opt-out-register');
        }}
      >
        <div className="field">
          <label htmlFor="q">{t('queryLabel')}</label>
          <input
            id="q"
            name="q"
            type="search"
            value={draftQuery}
            onChange={(e) => setDraftQuery(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="category">{t('categoryLabel')}</label>
          <div className="search-row">
            <select id="category" value={draft} onChange={(e) => setDraft(e.target.value)}>
              <option value="">{t('allCategories')}</option>
              {WORK_CATEGORIES.map((value) => (
                <option key={value} value={value}>
                  {label(value)}
                </option>
              ))}
            </select>
            <button type="submit">{t('show')}</button>
          </div>
        </div>
      </form>
      {register.error ? <ErrorMessage error={register.error} /> : null}
      {register.isPending ? <p role="status">{shared('loading')}</p> : null}
      {connection && connection.edges.length === 0 ? (
        <p>{query.trim() ? t('noMatch', { query }) : t('empty')}</p>
      ) : null}
      {connection && connection.edges.length > 0 ? (
        <div className="table-wrap">
          <table>
            <caption>
              {category
                ? t('captionCategory', { category: label(category as WorkCategory) })
                : t('caption')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('work')}</th>
                <th scope="col">{t('category')}</th>
                <th scope="col">{t('uses')}</th>
                <th scope="col">{t('since')}</th>
              </tr>
            </thead>
            <tbody>
              {connection.edges.map(({ node, cursor }) => (
                <tr key={cursor}>
                  <th scope="row">
                    <Link className="link-target" to={`/works/${node.work.id}`}>
                      {node.title}
                    </Link>
                  </th>
                  <td>{label(node.category)}</td>
                  <td>
                    {usesText(
                      node.useTypes,
                      t('allUses'),
                      (useType) => label(useType as UseType),
                      format.list,
                    )}
                  </td>
                  <td>
                    <DateText value={node.since} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {connection ? (
        <Pager
          offset={(cursors.length - 1) * PAGE_SIZE}
          count={connection.edges.length}
          total={connection.totalCount}
          hasPrevious={cursors.length > 1}
          hasNext={connection.pageInfo.hasNextPage}
          onPrevious={() => setCursors(cursors.slice(0, -1))}
          onNext={() => setCursors([...cursors, connection.pageInfo.endCursor ?? null])}
        />
      ) : null}
    </>
  );
}
