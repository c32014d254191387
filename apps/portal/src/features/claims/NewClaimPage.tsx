import { useMutation, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { graphql } from '../../graphql/index';
import { ErrorMessage } from '../../components/ErrorMessage';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { DateText, MoneyText } from '../../components/Format';
import { PageTitle } from '../../components/PageTitle';
import { RightHolderOnly } from '../../components/RightHolderOnly';
import { common } from '../../i18n/common';
import { useFormat } from '../../i18n/format';
import { useMessages } from '../../i18n/i18n';
import { request } from '../../lib/api';
import { lastDayOf } from '../../lib/periods';
import { messages } from './messages';
import { reasonKey } from './reasons';

const ClaimsReserves = graphql(`
  query ClaimsReserves($after: String) {
    reserves(first: 100, after: $after) {
      edges {
        node {
          id
          workKey
          title
          periodStart
          periodEnd
          societyName
          reason
          amount {
            amountMinor
            currency
          }
          status
          releaseAfter
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const ClaimsClaimReserve = graphql(`
  mutation ClaimsClaimReserve($input: ClaimReserveInput!) {
    claimReserve(input: $input) {
      id
      status
      createdAt
    }
  }
`);

/** The reserve of that id among those the caller may see (null when there is none). */
async function findReserve(id: string) {
  let after: string | null | undefined;
  for (let page = 0; page < 50; page++) {
    const { reserves } = await request(ClaimsReserves, { after });
    const found = reserves.edges.find((edge) => edge.node.id === id);
    if (found) return found.node;
    if (!reserves.pageInfo.hasNextPage) return null;
    after = reserves.pageInfo.endCursor;
  }
  return null;
}

export function NewClaimPage() {
  return <RightHolderOnly>{(party) => <NewClaim holderId={party} />}</RightHolderOnly>;
}

/** Claims one reserve for the holder: what the money is, why it waits, the evidence, sent. */
export function NewClaim({ holderId }: { holderId: string }) {
  const t = useMessages(messages);
  const shared = useMessages(common);
  const format = useFormat();
  const [params] = useSearchParams();
  const reserveId = params.get('reserve') ?? '';
  const [evidence, setEvidence] = useState('');
  const [missing, setMissing] = useState(false);
  const reserve = useQuery({
    queryKey: ['claimsReserve', reserveId],
    queryFn: () => findReserve(reserveId),
    enabled: reserveId !== '',
  });
  const claim = useMutation({
    mutationFn: () =>
      request(ClaimsClaimReserve, {
        input: { reserveId, holderId, evidence: evidence.trim() },
      }),
  });
  const summary = useMemo(
    () => (missing ? [{ field: 'evidence', message: t('errorEvidence') }] : []),
    [missing, t],
  );
  if (claim.data) {
    return (
      <>
        <PageTitle>{t('doneTitle')}</PageTitle>
        <div className="notice notice-success">
          <p>{t('doneBody')}</p>
        </div>
        <p>
          <Link className="target" to="/me/claims">
            {t('backToList')}
          </Link>
        </p>
      </>
    );
  }
  const found = reserve.data;
  return (
    <>
      <PageTitle>{t('newTitle')}</PageTitle>
      <ErrorSummary errors={summary} />
      {!reserveId || reserve.data === null ? (
        <>
          <p>{t('missingReserve')}</p>
          <p>
            <Link className="target" to="/unclaimed">
              {t('findMoney')}
            </Link>
          </p>
        </>
      ) : null}
      {reserve.isLoading ? <p role="status">{shared('loading')}</p> : null}
      {reserve.error ? <ErrorMessage error={reserve.error} /> : null}
      {found ? (
        <>
          <h2>{t('reserveTitle')}</h2>
          <dl className="summary">
            <dt>{t('work')}</dt>
            <dd>{found.title ?? t('unknownWork', { key: found.workKey })}</dd>
            <dt>{t('amount')}</dt>
            <dd>
              <MoneyText money={found.amount} />
            </dd>
            <dt>{t('period')}</dt>
            <dd>
              {t('periodRange', {
                from: format.date(found.periodStart),
                to: format.date(lastDayOf(found.periodEnd)),
              })}
            </dd>
            {found.societyName ? (
              <>
                <dt>{t('society')}</dt>
                <dd>{found.societyName}</dd>
              </>
            ) : null}
            <dt>{t('why')}</dt>
            <dd>{t(reasonKey(found.reason))}</dd>
            <dt>{t('until')}</dt>
            <dd>
              <DateText value={found.releaseAfter} />
            </dd>
          </dl>
          {found.status !== 'OPEN' ? (
            <p>{t('notOpen')}</p>
          ) : (
            <form
              noValidate
              onSubmit={(event) => {
                event.preventDefault();
                const empty = evidence.trim() === '';
                setMissing(empty);
                if (!empty) claim.mutate();
              }}
            >
              {claim.error ? <ErrorMessage error={claim.error} /> : null}
              <Field
                id="evidence"
                label={t('evidenceLabel')}
                hint={t('evidenceHint')}
                error={missing ? t('errorEvidence') : undefined}
                required
              >
                <textarea value={evidence} onChange={(e) => setEvidence(e.target.value)} />
              </Field>
              <div className="actions">
                <button type="submit" disabled={claim.isPending}>
                  {t('submit')}
                </button>
              </div>
            </form>
          )}
        </>
      ) : null}
    </>
  );
}
