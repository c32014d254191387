import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { graphql } from '../../graphql/index';
import { ErrorMessage } from '../../components/ErrorMessage';
import { ErrorSummary, type FieldError } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { PageTitle } from '../../components/PageTitle';
import { common } from '../../i18n/common';
import { useFormat } from '../../i18n/format';
import { useMessages } from '../../i18n/i18n';
import { request } from '../../lib/api';
import { useSession } from '../../lib/session';
import { bpsToPercent, type ShareRow } from './domain/shares';
import { useLabels } from './labels';
import { NotHolder } from './NotHolder';
import { SharesEditor, rowKey, useShareProblems } from './SharesEditor';

const WorksShares = graphql(`
  query WorksShares($id: ID!) {
    work(id: $id) {
      id
      title
      shares {
        holderId
        rightType
        shareBps
        holder {
          id
          name
        }
      }
    }
  }
`);

const WorksUpdateShares = graphql(`
  mutation WorksUpdateShares($input: UpdateWorkSharesInput!) {
    updateWorkShares(input: $input) {
      id
    }
  }
`);

const today = () => new Date().toISOString().slice(0, 10);

export function ChangeSharesPage() {
  const { id = '' } = useParams();
  const { t, right, share } = useLabels();
  const shared = useMessages(common);
  const format = useFormat();
  const client = useQueryClient();
  const { session } = useSession();
  const party = session?.party;
  const shareProblems = useShareProblems();
  const work = useQuery({
    queryKey: ['worksShares', id],
    queryFn: () => request(WorksShares, { id }),
    enabled: session?.role === 'RIGHT_HOLDER',
  });
  const [rows, setRows] = useState<ShareRow[]>();
  const [effective, setEffective] = useState(today);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<unknown>();
  const [sending, setSending] = useState(false);
  const [saved, setSaved] = useState<string>();
  if (session?.role !== 'RIGHT_HOLDER') return <NotHolder title={t('sharesTitle')} />;
  if (work.isPending) return <p role="status">{shared('loading')}</p>;
  if (work.error || !work.data.work)
    return (
      <>
        <PageTitle>{t('sharesTitle')}</PageTitle>
        <ErrorMessage error={work.error ?? new Error('not found')} />
      </>
    );
  const current = work.data.work;
  const editing: ShareRow[] =
    rows ??
    current.shares.map((s) => ({
      key: rowKey('share'),
      holderId: s.holderId,
      rightType: s.rightType,
      percent: bpsToPercent(s.shareBps),
    }));
  const errorOf = (field: string) => errors.find((error) => error.field === field)?.message;
  const names = new Map(current.shares.map((s) => [s.holderId, s.holder.name]));
  const preview = shareProblems(editing, undefined).shares;
  const describe = (list: { holderId: string; rightType: string; shareBps: number }[]) =>
    list.length
      ? list.map((s) => `${names.get(s.holderId) ?? s.holderId}: ${share(s)}`).join('; ')
      : t('noShares');

  const submit = async () => {
    if (sending) return;
    const checked = shareProblems(editing, party);
    const found = [...checked.errors];
    if (!/^\d{4}-\d{2}-\d{2}$/.test(effective))
      found.push({ field: 'effective', message: t('effectiveMissing') });
    setErrors(found);
    setFailure(undefined);
    if (found.length) return;
    setSending(true);
    try {
      await request(WorksUpdateShares, {
        input: {
          workId: current.id,
          effectiveFrom: `${effective}T00:00:00Z`,
          shares: checked.shares,
        },
      });
      setSaved(effective);
      await client.invalidateQueries({ queryKey: ['worksShares', id] });
      await client.invalidateQueries({ queryKey: ['worksMine'] });
    } catch (error) {
      setFailure(error);
    } finally {
      setSending(false);
    }
  };

  return (
    <>
      <PageTitle>{t('changeSharesOf', { title: current.title })}</PageTitle>
      <ErrorSummary errors={errors} />
      {failure ? <ErrorMessage error={failure} /> : null}
      {saved ? (
        <div className="notice notice-success" role="status">
          <p>{t('sharesSaved', { date: format.date(saved) })}</p>
          <p>
            <Link to="/me/works">{t('viewMyWorks')}</Link>
          </p>
        </div>
      ) : null}
      <h2>{t('currentShares')}</h2>
      <div className="table-wrap">
        <table>
          <caption>{t('sharesCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('holder')}</th>
              <th scope="col">{t('right')}</th>
              <th scope="col">{t('share')}</th>
            </tr>
          </thead>
          <tbody>
            {current.shares.map((s) => (
              <tr key={`${s.holderId}-${s.rightType}`}>
                <th scope="row">{s.holder.name}</th>
                <td>{right(s.rightType)}</td>
                <td>{bpsToPercent(s.shareBps)}%</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <fieldset>
          <legend>{t('newShares')}</legend>
          <p className="field-hint">{t('newSharesHint')}</p>
          <SharesEditor rows={editing} onChange={setRows} party={party} errorOf={errorOf} />
        </fieldset>
        <Field
          id="effective"
          label={t('effectiveLabel')}
          hint={t('effectiveHint')}
          error={errorOf('effective')}
          required
        >
          <input
            type="date"
            value={effective}
            onChange={(event) => setEffective(event.target.value)}
          />
        </Field>
        <p aria-live="polite">
          {t('whatChanges', {
            date: /^\d{4}-\d{2}-\d{2}$/.test(effective) ? format.date(effective) : '—',
            shares: describe(preview),
          })}
        </p>
        <div className="actions">
          <button type="submit" disabled={sending}>
            {sending ? t('submitting') : t('saveShares')}
          </button>
        </div>
      </form>
    </>
  );
}
