import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { graphql } from '../../graphql/index';
import type { UseType, WorkCategory } from '../../graphql/graphql';
import { ErrorMessage } from '../../components/ErrorMessage';
import { DateText } from '../../components/Format';
import { PageTitle } from '../../components/PageTitle';
import { common } from '../../i18n/common';
import { useMessages } from '../../i18n/i18n';
import { WORK_CATEGORIES, workLabels } from '../../i18n/work-labels';
import { request } from '../../lib/api';
import { messages } from './messages';

export const PAGE_SIZE = 20;

const RegisterEntries = graphql(`
  query RegisterEntries($category: WorkCategory, $first: Int, $after: String) {
    optOutRegister(category: $category, first: $first, after: $after) {
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
): string {
  return useTypes.length === 0 ? allUses : useTypes.map(name).join('、');
}

export function OptOutRegisterPage() {
  const t = useMessages(messages);
  const shared = useMessages(common);
  const label = useMessages(workLabels);
  const [params, setParams] = useSearchParams();
  const category = params.get('category') ?? '';
  const [draft, setDraft] = useState(category);
  /** The cursor each page was reached with: the first page has none. */
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [shownCategory, setShownCategory] = useState(category);
  if (shownCategory !== category) {
    setShownCategory(category);
    setDraft(category);
    setCursors([null]);
  }
  const after = cursors[cursors.length - 1] ?? null;
  const register = useQuery({
    queryKey: ['optOutRegister', category, after],
    queryFn: () =>
      request(RegisterEntries, {
        category: (category || null) as WorkCategory | null,
        first: PAGE_SIZE,
        after,
      }),
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
          setParams(draft ? { category: draft } : {});
        }}
      >
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
      {connection && connection.edges.length === 0 ? <p>{t('empty')}</p> : null}
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
                    <Link to={`/works/${node.work.id}`}>{node.title}</Link>
                  </th>
                  <td>{label(node.category)}</td>
                  <td>
                    {usesText(node.useTypes, t('allUses'), (useType) => label(useType as UseType))}
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
      {connection && (cursors.length > 1 || connection.pageInfo.hasNextPage) ? (
        <nav className="pager" aria-label={t('pagesNav')}>
          <p aria-live="polite">{t('pageOf', { page: cursors.length })}</p>
          <div className="pager-buttons">
            <button
              type="button"
              className="button-secondary"
              disabled={cursors.length < 2}
              onClick={() => setCursors(cursors.slice(0, -1))}
            >
              {shared('previous')}
            </button>
            <button
              type="button"
              className="button-secondary"
              disabled={!connection.pageInfo.hasNextPage}
              onClick={() => setCursors([...cursors, connection.pageInfo.endCursor ?? null])}
            >
              {shared('next')}
            </button>
          </div>
        </nav>
      ) : null}
    </>
  );
}
