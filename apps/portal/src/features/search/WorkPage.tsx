import { useFormat } from '../../i18n/format';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { graphql } from '../../graphql/index';
import { ErrorMessage } from '../../components/ErrorMessage';
import { DateText } from '../../components/Format';
import { PageTitle } from '../../components/PageTitle';
import { common } from '../../i18n/common';
import { useLanguage, useMessages } from '../../i18n/i18n';
import { workLabels } from '../../i18n/work-labels';
import { ApiError, request } from '../../lib/api';
import { signIn, useSession } from '../../lib/session';
import { identifierText, isOutOfScheme, standingByUse } from './domain';
import { messages } from './messages';

// `work(id)` is for signed-in callers; a work's public standing (optOutStatus) names the work to anyone.
const SearchWork = graphql(`
  query SearchWork($id: ID!) {
    optOutStatus(workId: $id) {
      work {
        id
        title
        category
        creatorNames
        alternativeTitles {
          title
          language
        }
        identifiers {
          scheme
          value
        }
        optOuts {
          useTypes
          effectiveFrom
          withdrawnAt
          inForce
        }
        disputed
      }
    }
  }
`);

/** Who holds what: told to signed-in people only (a visitor's request would be refused). */
const SearchWorkShares = graphql(`
  query SearchWorkShares($id: ID!) {
    work(id: $id) {
      id
      shares {
        holderId
        rightType
        shareBps
        holder {
          name
        }
      }
    }
  }
`);

/** The API answers NOT_FOUND (or null) for a work it does not have, and rejects an id that is no id. */
export function isMissing(error: unknown): boolean {
  return (
    error instanceof ApiError && (error.code === 'NOT_FOUND' || error.code === 'BAD_USER_INPUT')
  );
}

function NotFound() {
  const t = useMessages(messages);
  return (
    <>
      <PageTitle>{t('workNotFoundTitle')}</PageTitle>
      <p>{t('workNotFoundBody')}</p>
      <p>
        <Link className="link-target" to="/">
          {t('backToSearch')}
        </Link>
      </p>
    </>
  );
}

export function WorkPage() {
  const { id = '' } = useParams();
  const t = useMessages(messages);
  const shared = useMessages(common);
  const label = useMessages(workLabels);
  const format = useFormat();
  const { language } = useLanguage();
  const { session, known } = useSession();
  const result = useQuery({
    queryKey: ['searchWork', id],
    queryFn: () => request(SearchWork, { id }),
  });
  const holders = useQuery({
    queryKey: ['searchWorkShares', id],
    queryFn: () => request(SearchWorkShares, { id }),
    enabled: Boolean(session),
  });
  const shares = holders.data?.work?.shares ?? [];
  if (result.isPending) return <p role="status">{shared('loading')}</p>;
  const found = result.data?.optOutStatus?.work;
  if (isMissing(result.error) || (result.data && !found)) return <NotFound />;
  if (result.error || !found) return <ErrorMessage error={result.error} />;
  const work = found;
  const uses = standingByUse(work.optOuts);
  const out = isOutOfScheme(work.optOuts) || uses.some((use) => use.from !== null);
  return (
    <>
      <PageTitle>{work.title}</PageTitle>
      {isOutOfScheme(work.optOuts) ? (
        <p>
          <span className="tag tag-out">{t('outOfScheme')}</span>
        </p>
      ) : null}
      <dl className="summary">
        <div>
          <dt>{t('category')}</dt>
          <dd>{label(work.category)}</dd>
        </div>
        <div>
          <dt>{t('creators')}</dt>
          <dd>{work.creatorNames.length ? format.list(work.creatorNames) : t('none')}</dd>
        </div>
        <div>
          <dt>{t('alternativeTitles')}</dt>
          <dd>
            {work.alternativeTitles.length ? (
              <ul>
                {work.alternativeTitles.map((alternative) => (
                  <li key={`${alternative.title}:${alternative.language ?? ''}`}>
                    <span lang={alternative.language ?? undefined}>{alternative.title}</span>
                  </li>
                ))}
              </ul>
            ) : (
              t('none')
            )}
          </dd>
        </div>
        <div>
          <dt>{t('identifiers')}</dt>
          <dd>
            {work.identifiers.length ? (
              <ul>
                {work.identifiers.map((identifier) => (
                  <li key={`${identifier.scheme}:${identifier.value}`}>
                    {identifier.scheme === 'PROPRIETARY' ? '' : `${identifier.scheme} `}
                    {identifierText(identifier.scheme, identifier.value)}
                  </li>
                ))}
              </ul>
            ) : (
              t('none')
            )}
          </dd>
        </div>
      </dl>
      {work.disputed ? <p className="notice">{t('disputed')}</p> : null}

      <h2>{t('schemeTitle')}</h2>
      <p>{out ? t('schemeOut') : t('schemeIn')}</p>
      <div className="table-wrap">
        <table>
          <caption>{t('schemeCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('use')}</th>
              <th scope="col">{t('standing')}</th>
            </tr>
          </thead>
          <tbody>
            {uses.map((use) => (
              <tr key={use.useType}>
                <th scope="row">{label(use.useType)}</th>
                <td>
                  {use.from ? (
                    <strong>
                      <OutFrom date={use.from} />
                    </strong>
                  ) : (
                    t('inScheme')
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2>{t('holdersTitle')}</h2>
      {!session ? (
        <p>{t('holdersHidden')}</p>
      ) : holders.error ? (
        <ErrorMessage error={holders.error} />
      ) : shares.length === 0 ? (
        <p>{t('holdersNone')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption>{t('holdersCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('holder')}</th>
                <th scope="col">{t('right')}</th>
                <th scope="col">{t('share')}</th>
              </tr>
            </thead>
            <tbody>
              {shares.map((share) => (
                <tr key={`${share.holderId}:${share.rightType}`}>
                  <th scope="row">{share.holder.name}</th>
                  <td>{t(share.rightType)}</td>
                  <td>{`${share.shareBps / 100}%`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <section className="notice" aria-labelledby="next-title">
        <h2 id="next-title" className="notice-title">
          {t('nextTitle')}
        </h2>
        <p>{t('nextBody')}</p>
        <div className="actions">
          {known && !session ? (
            <button
              type="button"
              onClick={() => void signIn(`/me/opt-outs/new?work=${work.id}`, language)}
            >
              {t('nextSignIn')}
            </button>
          ) : null}
          {session ? (
            <Link className="button" to={`/me/opt-outs/new?work=${work.id}`}>
              {t('nextOptOut')}
            </Link>
          ) : null}
        </div>
        <h3>{t('nextPlatformTitle')}</h3>
        <p>{t('nextPlatformBody')}</p>
      </section>
    </>
  );
}

function OutFrom({ date }: { date: string }) {
  const t = useMessages(messages);
  const [before, after] = t('outFrom', { date: '\u0000' }).split('\u0000');
  return (
    <>
      {before}
      <DateText value={date} />
      {after}
    </>
  );
}
