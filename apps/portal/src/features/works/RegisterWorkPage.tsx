import { useState } from 'react';
import { Link } from 'react-router';
import { graphql } from '../../graphql/index';
import { ErrorMessage } from '../../components/ErrorMessage';
import { ErrorSummary, type FieldError } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { PageTitle } from '../../components/PageTitle';
import { ApiError, request } from '../../lib/api';
import { useSession } from '../../lib/session';
import type { ShareRow } from './domain/shares';
import { CATEGORIES, SCHEMES, useLabels } from './labels';
import { SharesEditor, rowKey, useShareProblems } from './SharesEditor';
import { NotHolder } from './NotHolder';

const WorksRegister = graphql(`
  mutation WorksRegister($input: RegisterWorkInput!) {
    registerWork(input: $input) {
      id
      title
      disputed
    }
  }
`);

interface IdentifierRow {
  key: string;
  scheme: (typeof SCHEMES)[number];
  value: string;
}

export function RegisterWorkPage() {
  const { t, category, scheme } = useLabels();
  const { session } = useSession();
  const party = session?.party;
  const shareProblems = useShareProblems();
  const [title, setTitle] = useState('');
  const [workCategory, setCategory] = useState('');
  const [creators, setCreators] = useState([{ key: rowKey('creator'), name: '' }]);
  const [identifiers, setIdentifiers] = useState<IdentifierRow[]>([]);
  const [shares, setShares] = useState<ShareRow[]>(() => [
    { key: rowKey('share'), holderId: party ?? '', rightType: 'PERFORMANCE', percent: '100' },
  ]);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<unknown>();
  const [duplicate, setDuplicate] = useState(false);
  const [sending, setSending] = useState(false);
  // One key per work being entered: a retried send registers it once.
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  const [registered, setRegistered] = useState<{ title: string; disputed: boolean }>();

  if (session?.role !== 'RIGHT_HOLDER') return <NotHolder title={t('newTitle')} />;
  const errorOf = (field: string) => errors.find((error) => error.field === field)?.message;

  if (registered) {
    return (
      <>
        <PageTitle>{t('registeredTitle')}</PageTitle>
        <div className="notice notice-success" role="status">
          <p>{t('registeredBody', { title: registered.title })}</p>
          {registered.disputed ? <p>{t('disputeOpened')}</p> : null}
        </div>
        <div className="actions">
          <Link className="button" to="/me/works">
            {t('viewMyWorks')}
          </Link>
          <button
            type="button"
            className="button-secondary"
            onClick={() => {
              setRegistered(undefined);
              setTitle('');
              setIdentifiers([]);
              setCreators([{ key: rowKey('creator'), name: '' }]);
              setIdempotencyKey(crypto.randomUUID());
            }}
          >
            {t('registerAnother')}
          </button>
        </div>
      </>
    );
  }

  const submit = async (confirmDuplicates: boolean) => {
    if (sending) return;
    const found: FieldError[] = [];
    if (!title.trim()) found.push({ field: 'title', message: t('titleMissing') });
    if (!workCategory) found.push({ field: 'category', message: t('categoryMissing') });
    identifiers.forEach((row, index) => {
      if (!row.value.trim())
        found.push({
          field: `${row.key}-value`,
          message: t('identifierMissing', { n: index + 1 }),
        });
    });
    const checked = shareProblems(shares, party);
    found.push(...checked.errors);
    setErrors(found);
    setFailure(undefined);
    if (found.length) return;
    setSending(true);
    try {
      const result = await request(WorksRegister, {
        input: {
          idempotencyKey: confirmDuplicates ? `${idempotencyKey}-confirmed` : idempotencyKey,
          title: title.trim(),
          category: workCategory as (typeof CATEGORIES)[number],
          creatorNames: creators.map((row) => row.name.trim()).filter(Boolean),
          identifiers: identifiers.map((row) => ({ scheme: row.scheme, value: row.value.trim() })),
          shares: checked.shares,
          confirmDuplicates,
        },
      });
      // An identifier held by another work opens a dispute on that work, which comes back
      // (a work just registered has no dispute).
      setRegistered({ title: title.trim(), disputed: result.registerWork.disputed });
      setDuplicate(false);
    } catch (error) {
      if (
        error instanceof ApiError &&
        error.code === 'CONFLICT' &&
        /duplicate/.test(error.detail ?? '')
      )
        setDuplicate(true);
      setFailure(error);
    } finally {
      setSending(false);
    }
  };

  return (
    <>
      <PageTitle>{t('newTitle')}</PageTitle>
      <ErrorSummary errors={errors} />
      {failure ? <ErrorMessage error={failure} /> : null}
      {duplicate ? (
        <section className="notice" aria-labelledby="duplicate-title">
          <h2 id="duplicate-title" className="notice-title">
            {t('duplicateTitle')}
          </h2>
          <p>{t('duplicateBody')}</p>
          <button type="button" disabled={sending} onClick={() => void submit(true)}>
            {t('registerAnyway')}
          </button>
        </section>
      ) : null}
      <p>{t('newIntro')}</p>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit(false);
        }}
      >
        <Field id="title" label={t('titleLabel')} error={errorOf('title')} required>
          <input type="text" value={title} onChange={(event) => setTitle(event.target.value)} />
        </Field>
        <Field id="category" label={t('categoryLabel')} error={errorOf('category')} required>
          <select value={workCategory} onChange={(event) => setCategory(event.target.value)}>
            <option value="">{t('chooseCategory')}</option>
            {CATEGORIES.map((value) => (
              <option key={value} value={value}>
                {category(value)}
              </option>
            ))}
          </select>
        </Field>
        <fieldset>
          <legend>{t('creatorsLegend')}</legend>
          {creators.map((row, index) => (
            <div key={row.key} className="search-row">
              <Field id={row.key} label={t('creatorName', { n: index + 1 })}>
                <input
                  type="text"
                  value={row.name}
                  onChange={(event) =>
                    setCreators(
                      creators.map((other) =>
                        other.key === row.key ? { ...other, name: event.target.value } : other,
                      ),
                    )
                  }
                />
              </Field>
              <button
                type="button"
                className="button-secondary"
                onClick={() => setCreators(creators.filter((other) => other.key !== row.key))}
              >
                {t('removeCreator', { n: index + 1 })}
              </button>
            </div>
          ))}
          <button
            type="button"
            className="button-secondary"
            onClick={() => setCreators([...creators, { key: rowKey('creator'), name: '' }])}
          >
            {t('addCreator')}
          </button>
        </fieldset>
        <fieldset>
          <legend>{t('identifiersLegend')}</legend>
          <p className="field-hint">{t('identifiersHint')}</p>
          {identifiers.map((row, index) => {
            const n = index + 1;
            const change = (next: Partial<IdentifierRow>) =>
              setIdentifiers(
                identifiers.map((other) => (other.key === row.key ? { ...other, ...next } : other)),
              );
            return (
              <fieldset key={row.key}>
                <legend>{t('identifierN', { n })}</legend>
                <Field id={`${row.key}-scheme`} label={t('scheme', { n })}>
                  <select
                    value={row.scheme}
                    onChange={(event) =>
                      change({ scheme: event.target.value as IdentifierRow['scheme'] })
                    }
                  >
                    {SCHEMES.map((value) => (
                      <option key={value} value={value}>
                        {scheme(value)}
                      </option>
                    ))}
                  </select>
                </Field>
                <Field
                  id={`${row.key}-value`}
                  label={t('identifierValue', { n })}
                  error={errorOf(`${row.key}-value`)}
                  required
                >
                  <input
                    type="text"
                    spellCheck={false}
                    value={row.value}
                    onChange={(event) => change({ value: event.target.value })}
                  />
                </Field>
                <button
                  type="button"
                  className="button-secondary"
                  onClick={() =>
                    setIdentifiers(identifiers.filter((other) => other.key !== row.key))
                  }
                >
                  {t('removeIdentifier', { n })}
                </button>
              </fieldset>
            );
          })}
          <button
            type="button"
            className="button-secondary"
            onClick={() =>
              setIdentifiers([
                ...identifiers,
                { key: rowKey('identifier'), scheme: 'ISWC', value: '' },
              ])
            }
          >
            {t('addIdentifier')}
          </button>
        </fieldset>
        <fieldset>
          <legend>{t('sharesLegend')}</legend>
          <p className="field-hint">{t('sharesHint')}</p>
          <SharesEditor rows={shares} onChange={setShares} party={party} errorOf={errorOf} />
        </fieldset>
        <div className="actions">
          <button type="submit" disabled={sending}>
            {sending ? t('submitting') : t('submitWork')}
          </button>
        </div>
      </form>
    </>
  );
}
