import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { ErrorMessage } from '../../components/ErrorMessage';
import { ErrorSummary, type FieldError } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { PageTitle } from '../../components/PageTitle';
import { Progress } from '../../components/Progress';
import { useSession } from '../../lib/session';
import { useLabels } from './labels';
import { NotHolder } from './NotHolder';
import { exampleCsv, uploadWorks, type ImportAnswer } from './upload';

/** A link standing alone: at least 24 px tall to tap. */
const TARGET = { display: 'inline-block', padding: '0.25rem 0' } as const;

export function ImportWorksPage() {
  const { t } = useLabels();
  const { session } = useSession();
  const party = session?.party;
  const [file, setFile] = useState<File>();
  const [confirmDuplicates, setConfirmDuplicates] = useState(false);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [progress, setProgress] = useState<{ sent: number; total: number }>();
  const [answer, setAnswer] = useState<ImportAnswer>();
  const [failure, setFailure] = useState<unknown>();
  const example = useMemo(
    () => `data:text/csv;charset=utf-8,${encodeURIComponent(exampleCsv(party ?? 'HOLDER-ID'))}`,
    [party],
  );
  if (session?.role !== 'RIGHT_HOLDER') return <NotHolder title={t('importTitle')} />;
  const sending = progress !== undefined && answer === undefined && failure === undefined;

  const submit = async () => {
    if (sending) return;
    setAnswer(undefined);
    setFailure(undefined);
    if (!file) {
      setErrors([{ field: 'file', message: t('fileMissing') }]);
      return;
    }
    setErrors([]);
    setProgress({ sent: 0, total: file.size });
    try {
      setAnswer(
        await uploadWorks(file, { confirmDuplicates }, (sent, total) =>
          setProgress({ sent, total }),
        ),
      );
    } catch (error) {
      setFailure(error);
    }
  };

  return (
    <>
      <PageTitle>{t('importTitle')}</PageTitle>
      <ErrorSummary errors={errors} />
      <p>{t('importIntro')}</p>
      <p>
        <a href={example} download="works-example.csv" style={TARGET}>
          {t('exampleLink')}
        </a>
      </p>
      <p className="field-hint">{t('exampleHint')}</p>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Field
          id="file"
          label={t('fileLabel')}
          error={errors.find((error) => error.field === 'file')?.message}
          required
        >
          <input
            type="file"
            accept=".csv,text/csv"
            onChange={(event) => setFile(event.target.files?.[0])}
          />
        </Field>
        <div className="choice">
          <input
            id="confirm-duplicates"
            type="checkbox"
            style={{ width: '24px', height: '24px' }}
            checked={confirmDuplicates}
            onChange={(event) => setConfirmDuplicates(event.target.checked)}
          />
          <label htmlFor="confirm-duplicates">{t('confirmDuplicatesLabel')}</label>
        </div>
        <div className="actions">
          <button type="submit" disabled={sending}>
            {t('startImport')}
          </button>
        </div>
      </form>
      {progress && !answer && !failure ? (
        <>
          <Progress label={t('uploading')} value={progress.sent} max={progress.total} />
          {progress.sent >= progress.total ? <p role="status">{t('checking')}</p> : null}
        </>
      ) : null}
      {failure ? <ErrorMessage error={failure} /> : null}
      {answer && answer.errors.length === 0 ? (
        <div className="notice notice-success" role="status">
          <h2 className="notice-title">{t('importedTitle')}</h2>
          <p>{t('imported', { count: answer.imported })}</p>
          <p>
            <Link to="/me/works">{t('viewMyWorks')}</Link>
          </p>
        </div>
      ) : null}
      {answer && answer.errors.length > 0 ? (
        <section aria-labelledby="import-errors">
          <div className="notice notice-error" role="alert">
            <h2 id="import-errors" className="notice-title">
              {t('importFailed', { count: answer.errors.length })}
            </h2>
          </div>
          <div className="table-wrap">
            <table>
              <caption>{t('errorsCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('line')}</th>
                  <th scope="col">{t('field')}</th>
                  <th scope="col">{t('reason')}</th>
                </tr>
              </thead>
              <tbody>
                {answer.errors.map((error, index) => (
                  <tr key={`${error.line}-${error.field}-${index}`}>
                    <th scope="row">{error.line}</th>
                    <td>{error.field}</td>
                    <td lang="en">{error.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </>
  );
}
