import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { graphql } from '../../graphql/index';
import { ErrorMessage, useErrorSentence } from '../../components/ErrorMessage';
import { ErrorSummary, type FieldError } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { PageTitle } from '../../components/PageTitle';
import { LOCALES, useLanguage, useMessages } from '../../i18n/i18n';
import { ApiError, http, request } from '../../lib/api';
import { renewSession, useSession, type Session } from '../../lib/session';
import {
  countriesIn,
  fieldOfAnswer,
  rightHolderProblems,
  type RightHolderField,
  type RightHolderForm,
} from './domain/countries';
import { messages } from './messages';

const MineParty = graphql(`
  query MineParty {
    me {
      id
      name
    }
  }
`);

/** A link standing alone: at least 24 px tall to tap. */
const TARGET = { display: 'inline-block', padding: '0.25rem 0' } as const;

type Role = NonNullable<Session['role']>;
const ROLE_KEYS = {
  RIGHT_HOLDER: 'roleRIGHT_HOLDER',
  SOCIETY_ADMIN: 'roleSOCIETY_ADMIN',
  PLATFORM: 'rolePLATFORM',
  OPERATOR: 'roleOPERATOR',
} as const satisfies Record<Role, keyof typeof messages.en>;

/** How many grants the account holds (from the identity app); 1 when it cannot tell. */
async function grantCount(): Promise<number> {
  const response = await http('/v1/me/grants', { headers: { accept: 'application/json' } });
  const body = (await response.json()) as { grants?: unknown[] };
  return body.grants?.length ?? 1;
}

export function MinePage() {
  const t = useMessages(messages);
  const { session } = useSession();
  const role = session?.role;
  const party = useQuery({
    queryKey: ['mineParty', session?.party],
    queryFn: () => request(MineParty),
    enabled: Boolean(session?.party),
  });
  const grants = useQuery({ queryKey: ['mineGrants', session?.account], queryFn: grantCount });
  const tiles = [
    { to: '/me/works', title: t('tileWorks'), body: t('tileWorksBody') },
    { to: '/me/opt-outs', title: t('tileOptOuts'), body: t('tileOptOutsBody') },
    { to: '/me/money', title: t('tileMoney'), body: t('tileMoneyBody') },
    { to: '/me/claims', title: t('tileClaims'), body: t('tileClaimsBody') },
    { to: '/me/disputes', title: t('tileDisputes'), body: t('tileDisputesBody') },
  ];
  const partyName = party.data?.me?.name;
  return (
    <>
      <PageTitle>{t('title')}</PageTitle>
      {role ? (
        <p>
          {partyName
            ? t('actingAsParty', { role: t(ROLE_KEYS[role]), party: partyName })
            : t('actingAs', { role: t(ROLE_KEYS[role]) })}
        </p>
      ) : (
        <p>{t('noRole')}</p>
      )}
      {(grants.data ?? 1) > 1 ? (
        <p className="notice">{t('severalGrants', { count: grants.data ?? 1 })}</p>
      ) : null}
      {party.error ? <ErrorMessage error={party.error} /> : null}
      {role && role !== 'RIGHT_HOLDER' ? <p>{t('consolesLater')}</p> : null}
      {role !== 'RIGHT_HOLDER' ? (
        <section className="notice" aria-labelledby="become-call">
          <h2 id="become-call" className="notice-title">
            {t('becomeCallTitle')}
          </h2>
          <p>{t('becomeCallBody')}</p>
          <p>
            <Link className="button" to="/me/right-holder">
              {t('becomeCall')}
            </Link>
          </p>
        </section>
      ) : null}
      <h2>{t('whatYouCanDo')}</h2>
      <ul className="card-list">
        {role === 'RIGHT_HOLDER'
          ? tiles.map((tile) => (
              <li key={tile.to}>
                <Link to={tile.to} style={TARGET}>
                  {tile.title}
                </Link>
                <p className="meta">{tile.body}</p>
              </li>
            ))
          : null}
        <li>
          {/* The account pages belong to the identity app, served at the same origin. */}
          <a href="/account" style={TARGET}>
            {t('tileAccount')}
          </a>
          <p className="meta">{t('tileAccountBody')}</p>
        </li>
      </ul>
    </>
  );
}

export function BecomeRightHolderPage() {
  const t = useMessages(messages);
  const describe = useErrorSentence();
  const { language } = useLanguage();
  const { session } = useSession();
  const countries = useMemo(() => countriesIn(LOCALES[language]), [language]);
  const [form, setForm] = useState<RightHolderForm>({ name: '', country: 'JP', ipiNameNumber: '' });
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<unknown>();
  const [sending, setSending] = useState(false);
  const [done, setDone] = useState<string>();
  const errorOf = (field: RightHolderField) =>
    errors.find((error) => error.field === field)?.message;
  const set = (field: RightHolderField) => (event: { target: { value: string } }) =>
    setForm({ ...form, [field]: event.target.value });

  if (done) {
    return (
      <>
        <PageTitle>{t('doneTitle')}</PageTitle>
        <div className="notice notice-success" role="status">
          <p>{t('doneBody', { name: done })}</p>
        </div>
        <h2>{t('nextSteps')}</h2>
        <ul className="card-list">
          <li>
            <Link to="/me/works/new">{t('nextRegister')}</Link>
          </li>
          <li>
            <Link to="/me/works/import">{t('nextImport')}</Link>
          </li>
          <li>
            <Link to="/me">{t('nextMine')}</Link>
          </li>
        </ul>
      </>
    );
  }

  const submit = async () => {
    if (sending) return;
    const problems = rightHolderProblems(form);
    setFailure(undefined);
    setErrors(problems.map(({ field, problem }) => ({ field, message: t(problem) })));
    if (problems.length) return;
    setSending(true);
    try {
      const ipi = form.ipiNameNumber.replace(/\s/g, '');
      await http('/v1/me/right-holder', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({
          name: form.name.trim(),
          country: form.country,
          ...(ipi ? { ipiNameNumber: ipi } : {}),
        }),
      });
      await renewSession();
      setDone(form.name.trim());
    } catch (error) {
      const field = error instanceof ApiError ? fieldOfAnswer(error.detail) : undefined;
      if (field && error instanceof ApiError && error.code === 'BAD_USER_INPUT') {
        const { sentence, detail } = describe(error);
        setErrors([{ field, message: detail ? `${sentence} (${detail})` : sentence }]);
      } else if (error instanceof ApiError && error.code === 'CONFLICT') {
        setFailure(new ApiError('CONFLICT', t('takenBack')));
      } else setFailure(error);
    } finally {
      setSending(false);
    }
  };

  return (
    <>
      <PageTitle>{t('becomeTitle')}</PageTitle>
      {session?.role === 'RIGHT_HOLDER' ? (
        <p className="notice">
          {t('alreadyHolder')}{' '}
          <Link to="/me/works" style={TARGET}>
            {t('tileWorks')}
          </Link>
        </p>
      ) : null}
      <ErrorSummary errors={errors} />
      {failure ? <ErrorMessage error={failure} /> : null}
      <p>{t('becomeIntro')}</p>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Field
          id="name"
          label={t('nameLabel')}
          hint={t('nameHint')}
          error={errorOf('name')}
          required
        >
          <input
            type="text"
            autoComplete="name"
            maxLength={500}
            value={form.name}
            onChange={set('name')}
          />
        </Field>
        <Field
          id="country"
          label={t('countryLabel')}
          hint={t('countryHint')}
          error={errorOf('country')}
          required
        >
          <select value={form.country} onChange={set('country')}>
            <option value="">{t('chooseCountry')}</option>
            {countries.map((country) => (
              <option key={country.code} value={country.code}>
                {country.name}
              </option>
            ))}
          </select>
        </Field>
        <Field
          id="ipiNameNumber"
          label={t('ipiLabel')}
          hint={t('ipiHint')}
          error={errorOf('ipiNameNumber')}
        >
          <input
            type="text"
            inputMode="numeric"
            autoComplete="off"
            value={form.ipiNameNumber}
            onChange={set('ipiNameNumber')}
          />
        </Field>
        <div className="actions">
          <button type="submit" disabled={sending} aria-disabled={sending}>
            {sending ? t('submitting') : t('submit')}
          </button>
        </div>
      </form>
    </>
  );
}
