import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { graphql } from '../../graphql/index';
import { ErrorMessage } from '../../components/ErrorMessage';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { DateText } from '../../components/Format';
import { PageTitle } from '../../components/PageTitle';
import { RightHolderOnly } from '../../components/RightHolderOnly';
import { common } from '../../i18n/common';
import { useFormat } from '../../i18n/format';
import { useLanguage, useMessages } from '../../i18n/i18n';
import { USE_TYPES, useTypeWords, type UseTypeName } from '../../i18n/use-types';
import { request } from '../../lib/api';
import {
  draftErrors,
  effectiveFromOf,
  localToday,
  standingOf,
  type DraftError,
  type OptOutDraft,
} from './form';
import { messages } from './messages';

const OptOutsMine = graphql(`
  query OptOutsMine($holderId: ID!) {
    optOuts(holderId: $holderId) {
      id
      scope
      work {
        id
        title
      }
      useTypes
      effectiveFrom
      withdrawnAt
      registeredAt
      inForce
    }
  }
`);

const OptOutsWithdraw = graphql(`
  mutation OptOutsWithdraw($id: ID!) {
    withdrawOptOut(id: $id) {
      id
      withdrawnAt
      inForce
    }
  }
`);

const OptOutsMyWorks = graphql(`
  query OptOutsMyWorks($holderId: ID!) {
    works(filter: { holderId: $holderId }, first: 100) {
      edges {
        node {
          id
          title
        }
      }
    }
  }
`);

const OptOutsRegister = graphql(`
  mutation OptOutsRegister($input: RegisterOptOutInput!) {
    registerOptOut(input: $input) {
      id
      scope
      work {
        id
        title
      }
      useTypes
      effectiveFrom
      confirmation
    }
  }
`);

/** A radio or checkbox keeps its 24 px when its label wraps on a phone. */
const CHOICE = { flexShrink: 0 } as const;

/** "Streaming, Downloads" or "All uses". */
function useUsesText(): (useTypes: readonly string[]) => string {
  const t = useMessages(messages);
  const words = useMessages(useTypeWords);
  const { language } = useLanguage();
  return (useTypes) =>
    useTypes.length
      ? useTypes.map((use) => words(use as UseTypeName)).join(language === 'ja' ? '、' : ', ')
      : t('allUses');
}

export function MyOptOutsPage() {
  return <RightHolderOnly>{(party) => <MyOptOuts holderId={party} />}</RightHolderOnly>;
}

/** The holder's opt-outs, withdrawn ones included, each withdrawable after a confirm step. */
export function MyOptOuts({ holderId }: { holderId: string }) {
  const t = useMessages(messages);
  const shared = useMessages(common);
  const format = useFormat();
  const usesText = useUsesText();
  const client = useQueryClient();
  const [confirming, setConfirming] = useState<string | undefined>();
  const [withdrawn, setWithdrawn] = useState<string | undefined>();
  const optOuts = useQuery({
    queryKey: ['optOutsMine', holderId],
    queryFn: () => request(OptOutsMine, { holderId }),
  });
  const withdraw = useMutation({
    mutationFn: (id: string) => request(OptOutsWithdraw, { id }),
    onSuccess: async (_result, id) => {
      const item = optOuts.data?.optOuts.find((o) => o.id === id);
      setWithdrawn(item?.work?.title ?? t('allMyWorks'));
      setConfirming(undefined);
      await client.invalidateQueries({ queryKey: ['optOutsMine', holderId] });
    },
  });
  const list = optOuts.data?.optOuts ?? [];
  return (
    <>
      <PageTitle>{t('listTitle')}</PageTitle>
      <p>{t('listIntro')}</p>
      <p>
        <Link className="button" to="/me/opt-outs/new">
          {t('newOptOut')}
        </Link>
      </p>
      {withdrawn ? (
        <div className="notice notice-success" role="status">
          <p>{t('withdrawnNotice', { what: withdrawn })}</p>
        </div>
      ) : null}
      {optOuts.error ? <ErrorMessage error={optOuts.error} /> : null}
      {optOuts.isPending ? <p role="status">{shared('loading')}</p> : null}
      {optOuts.data && list.length === 0 ? <p>{t('none')}</p> : null}
      {list.length ? (
        <>
          <p>{t('count', { count: list.length })}</p>
          <ul className="card-list">
            {list.map((optOut) => {
              const what = optOut.work?.title ?? t('allMyWorks');
              const standing = standingOf(optOut);
              return (
                <li key={optOut.id}>
                  <h2>
                    {optOut.work ? (
                      <Link className="target" to={`/works/${optOut.work.id}`}>
                        {what}
                      </Link>
                    ) : (
                      what
                    )}
                  </h2>
                  <dl className="summary">
                    <dt>{t('uses')}</dt>
                    <dd>{usesText(optOut.useTypes)}</dd>
                    <dt>{t('from')}</dt>
                    <dd>
                      <DateText value={optOut.effectiveFrom} withTime />
                    </dd>
                    <dt>{t('status')}</dt>
                    <dd>
                      <span className={standing === 'withdrawn' ? 'tag' : 'tag tag-out'}>
                        {standing === 'inForce'
                          ? t('inForce')
                          : standing === 'notYet'
                            ? t('notYet', { date: format.dateTime(optOut.effectiveFrom) })
                            : t('withdrawn', { date: format.dateTime(optOut.withdrawnAt!) })}
                      </span>
                    </dd>
                  </dl>
                  {standing !== 'withdrawn' && confirming !== optOut.id ? (
                    <button
                      type="button"
                      className="button-secondary"
                      aria-label={t('withdrawWhat', { what })}
                      onClick={() => {
                        withdraw.reset();
                        setConfirming(optOut.id);
                      }}
                    >
                      {t('withdraw')}
                    </button>
                  ) : null}
                  {confirming === optOut.id ? (
                    <section
                      className="notice"
                      aria-labelledby={`confirm-${optOut.id}`}
                      role="group"
                    >
                      <h3 id={`confirm-${optOut.id}`} className="notice-title">
                        {t('confirmTitle')}
                      </h3>
                      <p>{t('confirmBody', { what })}</p>
                      {withdraw.error ? <ErrorMessage error={withdraw.error} /> : null}
                      <div className="actions">
                        <button
                          type="button"
                          className="button-danger"
                          disabled={withdraw.isPending}
                          onClick={() => withdraw.mutate(optOut.id)}
                        >
                          {t('confirmWithdraw')}
                        </button>
                        <button
                          type="button"
                          className="button-secondary"
                          onClick={() => setConfirming(undefined)}
                        >
                          {t('keep')}
                        </button>
                      </div>
                    </section>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
    </>
  );
}

export function NewOptOutPage() {
  return <RightHolderOnly>{(party) => <NewOptOut holderId={party} />}</RightHolderOnly>;
}

/** The new opt-out form, then its confirmation (what was registered and the confirmation text). */
export function NewOptOut({ holderId }: { holderId: string }) {
  const t = useMessages(messages);
  const words = useMessages(useTypeWords);
  const usesText = useUsesText();
  const [params] = useSearchParams();
  const preset = params.get('work') ?? '';
  const [draft, setDraft] = useState<OptOutDraft>({
    scope: 'WORK',
    workId: preset,
    allUses: true,
    useTypes: [],
    fromNow: true,
    date: '',
  });
  const [errors, setErrors] = useState<{ field: string; error: DraftError }[]>([]);
  // One key per form: a repeated submit (a retry after a lost answer) returns the first opt-out.
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const works = useQuery({
    queryKey: ['optOutsMyWorks', holderId],
    queryFn: () => request(OptOutsMyWorks, { holderId }),
  });
  const register = useMutation({
    mutationFn: (input: OptOutDraft) =>
      request(OptOutsRegister, {
        input: {
          holderId,
          scope: input.scope,
          workId: input.scope === 'WORK' ? input.workId : undefined,
          useTypes: input.allUses ? [] : (input.useTypes as UseTypeName[]),
          effectiveFrom: effectiveFromOf(input),
          idempotencyKey,
        },
      }),
  });
  const change = (next: Partial<OptOutDraft>) => setDraft((d) => ({ ...d, ...next }));
  const errorOf = (field: string) => {
    const found = errors.find((e) => e.field === field);
    return found ? t(found.error) : undefined;
  };
  const summary = useMemo(
    () => errors.map((e) => ({ field: e.field, message: t(e.error) })),
    [errors, t],
  );
  const done = register.data?.registerOptOut;
  if (done) {
    return (
      <>
        <PageTitle>{t('doneTitle')}</PageTitle>
        <div className="notice notice-success">
          <p className="notice-title">{t('confirmationLabel')}</p>
          <p>{done.confirmation}</p>
        </div>
        <h2>{t('doneWhat')}</h2>
        <dl className="summary">
          <dt>{t('works')}</dt>
          <dd>{done.work?.title ?? t('allMyWorks')}</dd>
          <dt>{t('uses')}</dt>
          <dd>{usesText(done.useTypes)}</dd>
          <dt>{t('from')}</dt>
          <dd>
            <DateText value={done.effectiveFrom} withTime />
          </dd>
        </dl>
        <p>
          <Link className="target" to="/me/opt-outs">
            {t('backToList')}
          </Link>
        </p>
      </>
    );
  }
  const myWorks = works.data?.works.edges.map((e) => e.node) ?? [];
  const presetMissing = preset && works.data && !myWorks.some((w) => w.id === preset);
  return (
    <>
      <PageTitle>{t('newTitle')}</PageTitle>
      <ErrorSummary errors={summary} />
      <p>{t('newIntro')}</p>
      {works.error ? <ErrorMessage error={works.error} /> : null}
      {register.error ? <ErrorMessage error={register.error} /> : null}
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const found = draftErrors(draft, localToday());
          setErrors(found);
          if (!found.length) register.mutate(draft);
        }}
      >
        <fieldset>
          <legend>{t('scopeLegend')}</legend>
          <label className="choice">
            <input
              type="radio"
              style={CHOICE}
              name="scope"
              checked={draft.scope === 'WORK'}
              onChange={() => change({ scope: 'WORK' })}
            />
            {t('scopeWork')}
          </label>
          <label className="choice">
            <input
              type="radio"
              style={CHOICE}
              name="scope"
              checked={draft.scope === 'ALL_WORKS'}
              onChange={() => change({ scope: 'ALL_WORKS' })}
            />
            {t('scopeAll')}
          </label>
        </fieldset>
        {draft.scope === 'WORK' ? (
          works.data && myWorks.length === 0 && !preset ? (
            <p>{t('noWorks')}</p>
          ) : (
            <Field id="work" label={t('workLabel')} hint={t('workHint')} error={errorOf('work')}>
              <select value={draft.workId} onChange={(e) => change({ workId: e.target.value })}>
                <option value="">{t('workChoose')}</option>
                {presetMissing ? <option value={preset}>{preset}</option> : null}
                {myWorks.map((work) => (
                  <option key={work.id} value={work.id}>
                    {work.title}
                  </option>
                ))}
              </select>
            </Field>
          )
        ) : null}
        <fieldset>
          <legend>{t('usesLegend')}</legend>
          <label className="choice">
            <input
              type="radio"
              style={CHOICE}
              name="uses"
              checked={draft.allUses}
              onChange={() => change({ allUses: true })}
            />
            {t('usesAll')}
          </label>
          <label className="choice">
            <input
              type="radio"
              style={CHOICE}
              name="uses"
              checked={!draft.allUses}
              onChange={() => change({ allUses: false })}
            />
            {t('usesSome')}
          </label>
        </fieldset>
        {!draft.allUses ? (
          <fieldset
            className={errorOf('use-STREAM') ? 'field-error' : undefined}
            aria-describedby={errorOf('use-STREAM') ? 'uses-error' : undefined}
          >
            <legend>{t('useTypesLegend')}</legend>
            {errorOf('use-STREAM') ? (
              <p className="field-message" id="uses-error">
                {errorOf('use-STREAM')}
              </p>
            ) : null}
            {USE_TYPES.map((use) => (
              <label className="choice" key={use}>
                <input
                  type="checkbox"
                  style={CHOICE}
                  id={`use-${use}`}
                  checked={draft.useTypes.includes(use)}
                  onChange={(e) =>
                    change({
                      useTypes: e.target.checked
                        ? [...draft.useTypes, use]
                        : draft.useTypes.filter((u) => u !== use),
                    })
                  }
                />
                {words(use)}
              </label>
            ))}
          </fieldset>
        ) : null}
        <fieldset>
          <legend>{t('whenLegend')}</legend>
          <label className="choice">
            <input
              type="radio"
              style={CHOICE}
              name="when"
              checked={draft.fromNow}
              onChange={() => change({ fromNow: true })}
            />
            {t('whenNow')}
          </label>
          <label className="choice">
            <input
              type="radio"
              style={CHOICE}
              name="when"
              checked={!draft.fromNow}
              onChange={() => change({ fromNow: false })}
            />
            {t('whenLater')}
          </label>
        </fieldset>
        {!draft.fromNow ? (
          <Field id="date" label={t('dateLabel')} hint={t('dateHint')} error={errorOf('date')}>
            <input
              type="date"
              min={localToday()}
              value={draft.date}
              onChange={(e) => change({ date: e.target.value })}
            />
          </Field>
        ) : null}
        <div className="actions">
          <button type="submit" disabled={register.isPending}>
            {t('submit')}
          </button>
        </div>
      </form>
    </>
  );
}
