import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { graphql } from '../../graphql/index';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
import { PageTitle } from '../../components/PageTitle';
import { Pager } from '../../components/Pager';
import { common } from '../../i18n/common';
import { useFormat } from '../../i18n/format';
import { useMessages } from '../../i18n/i18n';
import { request } from '../../lib/api';
import { useSession } from '../../lib/session';
import { useLabels } from './labels';
import { NotHolder } from './NotHolder';

const PAGE_SIZE = 20;

const WorksDisputes = graphql(`
  query WorksDisputes($holderId: ID!, $first: Int, $after: String) {
    disputes(filter: { holderId: $holderId }, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          status
          reason
          openedAt
          answer
          resolution
          viewerCanAnswer
          viewerCanWithdraw
          claimant {
            id
            name
          }
          claimedShares {
            holderId
            rightType
            shareBps
          }
          work {
            id
            title
          }
        }
      }
    }
  }
`);

const WorksAnswerDispute = graphql(`
  mutation WorksAnswerDispute($input: AnswerDisputeInput!) {
    answerDispute(input: $input) {
      id
    }
  }
`);

const WorksWithdrawDispute = graphql(`
  mutation WorksWithdrawDispute($disputeId: ID!) {
    withdrawDispute(disputeId: $disputeId) {
      id
    }
  }
`);

/** Answer or withdraw one dispute; each button sends once until the answer comes. */
function DisputeActions({
  id,
  canAnswer,
  canWithdraw,
}: {
  id: string;
  canAnswer: boolean;
  canWithdraw: boolean;
}) {
  const { t } = useLabels();
  const client = useQueryClient();
  const [answer, setAnswer] = useState('');
  const [error, setError] = useState<string>();
  const [failure, setFailure] = useState<unknown>();
  const [sending, setSending] = useState(false);
  const [done, setDone] = useState<string>();
  const run = async (work: () => Promise<unknown>, message: string) => {
    if (sending) return;
    setSending(true);
    setFailure(undefined);
    try {
      await work();
      setDone(message);
      await client.invalidateQueries({ queryKey: ['worksDisputes'] });
    } catch (caught) {
      setFailure(caught);
    } finally {
      setSending(false);
    }
  };
  return (
    <>
      {done ? (
        <p className="notice notice-success" role="status">
          {done}
        </p>
      ) : null}
      {failure ? <ErrorMessage error={failure} /> : null}
      {canAnswer ? (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            if (!answer.trim()) {
              setError(t('answerMissing'));
              return;
            }
            setError(undefined);
            void run(
              () =>
                request(WorksAnswerDispute, { input: { disputeId: id, answer: answer.trim() } }),
              t('answerSaved'),
            );
          }}
        >
          <Field id={`answer-${id}`} label={t('answerLabel')} hint={t('answerHint')} error={error}>
            <textarea rows={3} value={answer} onChange={(event) => setAnswer(event.target.value)} />
          </Field>
          <button type="submit" disabled={sending}>
            {t('sendAnswer')}
          </button>
        </form>
      ) : null}
      {canWithdraw ? (
        <div className="actions">
          <button
            type="button"
            className="button-secondary"
            disabled={sending}
            onClick={() =>
              void run(() => request(WorksWithdrawDispute, { disputeId: id }), t('withdrawn'))
            }
          >
            {t('withdraw')}
          </button>
        </div>
      ) : null}
    </>
  );
}

export function MyDisputesPage() {
  const { t, share, status } = useLabels();
  const shared = useMessages(common);
  const format = useFormat();
  const { session } = useSession();
  const party = session?.party;
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const after = cursors[cursors.length - 1];
  const disputes = useQuery({
    queryKey: ['worksDisputes', party, after],
    queryFn: () => request(WorksDisputes, { holderId: party!, first: PAGE_SIZE, after }),
    enabled: Boolean(party) && session?.role === 'RIGHT_HOLDER',
  });
  if (session?.role !== 'RIGHT_HOLDER') return <NotHolder title={t('disputesTitle')} />;
  const data = disputes.data?.disputes;
  return (
    <>
      <PageTitle>{t('disputesTitle')}</PageTitle>
      <p>{t('disputesIntro')}</p>
      {disputes.isPending ? <p role="status">{shared('loading')}</p> : null}
      {disputes.error ? <ErrorMessage error={disputes.error} /> : null}
      {data ? (
        <section aria-live="polite">
          <p>
            {data.totalCount ? t('disputesCount', { count: data.totalCount }) : t('noDisputes')}
          </p>
          <ul className="card-list">
            {data.edges.map(({ node: dispute }) => (
              <li key={dispute.id}>
                <h2>
                  <Link to={`/works/${dispute.work.id}`}>{dispute.work.title}</Link>
                </h2>
                <p className="meta">
                  <span className={dispute.status === 'OPEN' ? 'tag tag-out' : 'tag'}>
                    {status(dispute.status)}
                  </span>{' '}
                  {t('openedOn', { date: format.date(dispute.openedAt) })}
                </p>
                <dl className="summary">
                  {dispute.claimant ? (
                    <>
                      <dt>{t('claimant')}</dt>
                      <dd>{dispute.claimant.name}</dd>
                    </>
                  ) : null}
                  <dt>{t('claimedShares')}</dt>
                  <dd>{dispute.claimedShares.map(share).join(', ') || t('none')}</dd>
                  <dt>{t('reasonLabel')}</dt>
                  <dd>{dispute.reason}</dd>
                  {dispute.answer ? (
                    <>
                      <dt>{t('answerLabel')}</dt>
                      <dd>{dispute.answer}</dd>
                    </>
                  ) : null}
                </dl>
                <DisputeActions
                  id={dispute.id}
                  canAnswer={dispute.viewerCanAnswer}
                  canWithdraw={dispute.viewerCanWithdraw}
                />
              </li>
            ))}
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
