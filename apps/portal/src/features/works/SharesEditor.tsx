import { useMessages } from '../../i18n/i18n';
import { Field } from '../../components/Field';
import { RIGHT_TYPES, bpsToPercent, checkShares, type ShareRow } from './domain/shares';
import { useLabels } from './labels';
import { messages } from './messages';

let nextKey = 0;
/** A new row's key: stable while the row lives, so inputs keep their focus and ids. */
export const rowKey = (prefix: string) => `${prefix}${(nextKey += 1)}`;

export const EXAMPLE_ID = '0190a1b2-3c4d-7e5f-8a6b-7c8d9e0f1a2b';

/**
 * Rows of shares (holder id, right, percentage) with add and remove, and the total of each right
 * as it is typed. Errors come from the page (by field id), so the summary links to them.
 */
export function SharesEditor({
  rows,
  onChange,
  party,
  errorOf,
}: {
  rows: ShareRow[];
  onChange: (rows: ShareRow[]) => void;
  party: string | undefined;
  errorOf: (field: string) => string | undefined;
}) {
  const t = useMessages(messages);
  const labels = useLabels();
  const update = (key: string, change: Partial<ShareRow>) =>
    onChange(rows.map((row) => (row.key === key ? { ...row, ...change } : row)));
  const totals = [...new Map(checkShares(rows).shares.map((s) => [s.rightType, 0])).keys()].map(
    (right) =>
      `${labels.right(right)} ${bpsToPercent(
        checkShares(rows)
          .shares.filter((share) => share.rightType === right)
          .reduce((sum, share) => sum + share.shareBps, 0),
      )}%`,
  );
  return (
    <>
      {rows.map((row, index) => {
        const n = index + 1;
        return (
          <fieldset key={row.key}>
            <legend>{t('shareN', { n })}</legend>
            <Field
              id={`${row.key}-holder`}
              label={t('holderId', { n })}
              hint={party ? t('holderIdHint', { id: party }) : undefined}
              error={errorOf(`${row.key}-holder`)}
              required
            >
              <input
                type="text"
                autoComplete="off"
                spellCheck={false}
                value={row.holderId}
                onChange={(event) => update(row.key, { holderId: event.target.value })}
              />
            </Field>
            <Field id={`${row.key}-right`} label={t('rightType', { n })} required>
              <select
                value={row.rightType}
                onChange={(event) =>
                  update(row.key, { rightType: event.target.value as ShareRow['rightType'] })
                }
              >
                {RIGHT_TYPES.map((right) => (
                  <option key={right} value={right}>
                    {labels.right(right)}
                  </option>
                ))}
              </select>
            </Field>
            <Field
              id={`${row.key}-percent`}
              label={t('percent', { n })}
              error={errorOf(`${row.key}-percent`)}
              required
            >
              <input
                type="text"
                inputMode="decimal"
                value={row.percent}
                onChange={(event) => update(row.key, { percent: event.target.value })}
              />
            </Field>
            <button
              type="button"
              className="button-secondary"
              onClick={() => onChange(rows.filter((other) => other.key !== row.key))}
            >
              {t('removeShare', { n })}
            </button>
          </fieldset>
        );
      })}
      {totals.length ? (
        <p aria-live="polite">{t('totals', { totals: totals.join(', ') })}</p>
      ) : null}
      <button
        type="button"
        className="button-secondary"
        onClick={() =>
          onChange([
            ...rows,
            { key: rowKey('share'), holderId: '', rightType: 'PERFORMANCE', percent: '' },
          ])
        }
      >
        {t('addShare')}
      </button>
    </>
  );
}

/** The problems of shares as messages by field id (for Field and ErrorSummary). */
export function useShareProblems() {
  const t = useMessages(messages);
  const labels = useLabels();
  return (rows: ShareRow[], mine: string | undefined) => {
    const checked = checkShares(rows, mine);
    const rowNumber = (key: string) => rows.findIndex((row) => key.startsWith(`${row.key}-`)) + 1;
    const errors = checked.problems.map(({ key, problem, rightType }) => {
      if (problem === 'totalOver') {
        const total = checked.shares
          .filter((share) => share.rightType === rightType)
          .reduce((sum, share) => sum + share.shareBps, 0);
        const first = rows.find((row) => row.rightType === rightType);
        return {
          field: first ? `${first.key}-percent` : 'shares',
          message: t('totalOver', { right: labels.right(rightType!), total: bpsToPercent(total) }),
        };
      }
      if (problem === 'noShareOfMine')
        return {
          field: rows[0] ? `${rows[0].key}-holder` : 'add-share',
          message: t('noShareOfMine'),
        };
      return { field: key, message: t(problem, { n: rowNumber(key), example: EXAMPLE_ID }) };
    });
    return { shares: checked.shares, errors };
  };
}
