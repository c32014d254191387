import { useMutation, useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { graphql } from '../../graphql/index';
import { ErrorMessage } from '../../components/ErrorMessage';
import { DateText, MoneyText } from '../../components/Format';
import { PageTitle } from '../../components/PageTitle';
import { RightHolderOnly } from '../../components/RightHolderOnly';
import { common } from '../../i18n/common';
import { useFormat } from '../../i18n/format';
import { useMessages } from '../../i18n/i18n';
import { useTypeWords } from '../../i18n/use-types';
import { ApiError, request } from '../../lib/api';
import { lastDayOf } from '../../lib/periods';
import { downloadStatementCsv } from './csv';
import { lineStatusKey, sumOf } from './words';
import { MoneyBar } from './MoneyBar';
import { messages } from './messages';

const MoneyStatement = graphql(`
  query MoneyStatement($batchId: ID!, $holderId: ID!) {
    statement(batchId: $batchId, holderId: $holderId) {
      batchId
      holderName
      societyName
      category
      periodStart
      periodEnd
      approvedAt
      useTypes
      totalPayable {
        amountMinor
        currency
      }
      totalHeld {
        amountMinor
        currency
      }
      totalReserved {
        amountMinor
        currency
      }
      currency
      totalClaimed {
        amountMinor
        currency
      }
      lines {
        workKey
        title
        useType
        amount {
          amountMinor
          currency
        }
        status
      }
    }
  }
`);

export function StatementPage() {
  const { batchId = '' } = useParams();
  return (
    <RightHolderOnly>{(party) => <Statement batchId={batchId} holderId={party} />}</RightHolderOnly>
  );
}

/** One holder's statement of one batch, as a document to read, download or print. */
export function Statement({ batchId, holderId }: { batchId: string; holderId: string }) {
  const t = useMessages(messages);
  const shared = useMessages(common);
  const words = useMessages(useTypeWords);
  const statement = useQuery({
    queryKey: ['moneyStatement', batchId, holderId],
    queryFn: () => request(MoneyStatement, { batchId, holderId }),
  });
  const download = useMutation({ mutationFn: () => downloadStatementCsv(batchId, holderId) });
  const format = useFormat();
  const doc = statement.data?.statement;
  if (statement.isPending) return <p role="status">{shared('loading')}</p>;
  if (statement.error || !doc)
    return (
      <>
        <PageTitle>{t('statementTitle')}</PageTitle>
        <ErrorMessage error={statement.error ?? new ApiError('NOT_FOUND', undefined)} />
        <p>
          <Link className="target" to="/me/money">
            {t('back')}
          </Link>
        </p>
      </>
    );
  const holderName = doc.holderName ?? '';
  return (
    <>
      <PageTitle>
        {holderName ? t('statementFor', { name: holderName }) : t('statementTitle')}
      </PageTitle>
      <dl className="summary">
        <dt>{t('holder')}</dt>
        <dd>{holderName}</dd>
        <dt>{t('society')}</dt>
        <dd>{doc.societyName ?? ''}</dd>
        <dt>{t('period')}</dt>
        <dd>
          {t('periodRange', {
            from: format.date(doc.periodStart),
            to: format.date(lastDayOf(doc.periodEnd)),
          })}
        </dd>
        <dt>{t('category')}</dt>
        <dd>{words(doc.category)}</dd>
        <dt>{t('uses')}</dt>
        <dd>{doc.useTypes.map((use) => words(use)).join(t('listSeparator'))}</dd>
        {doc.approvedAt ? (
          <>
            <dt>{t('approved')}</dt>
            <dd>
              <DateText value={doc.approvedAt} />
            </dd>
          </>
        ) : null}
      </dl>
      <MoneyBar
        label={t('barLabel')}
        parts={[
          { key: 'payable', label: t('payable'), money: doc.totalPayable },
          { key: 'held', label: t('held'), money: doc.totalHeld },
          { key: 'reserved', label: t('reserved'), money: doc.totalReserved },
        ]}
      />
      {doc.totalClaimed.amountMinor !== '0' ? (
        <p>
          {t('claimed')}: <MoneyText money={doc.totalClaimed} />
        </p>
      ) : null}
      {doc.lines.length === 0 ? (
        <p>{t('noLines')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption>{t('linesCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('work')}</th>
                <th scope="col">{t('use')}</th>
                <th scope="col" className="number">
                  {t('amount')}
                </th>
                <th scope="col">{t('status')}</th>
              </tr>
            </thead>
            <tfoot>
              <tr>
                <th scope="row" colSpan={2}>
                  {t('total')}
                </th>
                <td className="number">
                  <MoneyText
                    money={sumOf(
                      doc.lines.map((line) => line.amount),
                      doc.currency,
                    )}
                  />
                </td>
                <td />
              </tr>
            </tfoot>
            <tbody>
              {doc.lines.map((line) => (
                <tr key={`${line.workKey}:${line.useType}:${line.status}`}>
                  <th scope="row">{line.title ?? line.workKey}</th>
                  <td>{words(line.useType)}</td>
                  <td className="number">
                    <MoneyText money={line.amount} />
                  </td>
                  <td>{t(lineStatusKey(line.status))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <section className="no-print" aria-labelledby="downloads">
        <h2 id="downloads">{t('downloads')}</h2>
        {download.error ? <ErrorMessage error={download.error} /> : null}
        <div className="actions">
          <button type="button" disabled={download.isPending} onClick={() => download.mutate()}>
            {download.isPending ? t('downloading') : t('downloadCsv')}
          </button>
          <button type="button" className="button-secondary" onClick={() => window.print()}>
            {t('print')}
          </button>
        </div>
        <p>
          <Link className="target" to="/me/money">
            {t('back')}
          </Link>
        </p>
      </section>
    </>
  );
}
