import type { CSSProperties } from 'react';
import { MoneyText } from '../../components/Format';

export interface BarPart {
  key: string;
  label: string;
  money: { amountMinor: string; currency: string };
}

/** Each part's fill: a colour and a pattern, so no part is told apart by colour alone. */
const FILLS: CSSProperties[] = [
  { background: '#0017c1' },
  {
    background: 'repeating-linear-gradient(45deg, #b45309 0 6px, #fff 6px 10px)',
  },
  {
    background: 'repeating-linear-gradient(90deg, #4d4d4d 0 3px, #fff 3px 8px)',
  },
];

/** The parts' shares of their sum, in percent (0 for every part when the sum is 0). */
export function barShares(amounts: readonly string[]): number[] {
  const values = amounts.map((a) => Math.max(0, Number(a)));
  const sum = values.reduce((a, b) => a + b, 0);
  return values.map((v) => (sum > 0 ? (v / sum) * 100 : 0));
}

/**
 * A bar of how money splits (e.g. payable, held, reserved), for people who would rather look
 * than read. The bar is a picture only; the same numbers follow as text, each by its pattern.
 */
export function MoneyBar({ parts, label }: { parts: BarPart[]; label: string }) {
  const shares = barShares(parts.map((p) => p.money.amountMinor));
  return (
    <figure className="money-bar" style={{ margin: '1rem 0' }}>
      <div
        aria-hidden="true"
        style={{
          display: 'flex',
          height: '2rem',
          maxWidth: '36rem',
          border: '1px solid #1a1a1c',
          borderRadius: '4px',
          overflow: 'hidden',
          background: '#fff',
        }}
      >
        {parts.map((part, index) => (
          <div
            key={part.key}
            style={{ ...FILLS[index % FILLS.length], width: `${shares[index]}%` }}
          />
        ))}
      </div>
      <figcaption>
        <p className="meta">{label}</p>
        <dl className="summary">
          {parts.map((part, index) => (
            <div key={part.key} style={{ display: 'contents' }}>
              <dt>
                <span
                  aria-hidden="true"
                  style={{
                    ...FILLS[index % FILLS.length],
                    display: 'inline-block',
                    width: '1.25rem',
                    height: '1.25rem',
                    border: '1px solid #1a1a1c',
                    marginRight: '0.5rem',
                    verticalAlign: 'middle',
                  }}
                />
                {part.label}
              </dt>
              <dd>
                <MoneyText money={part.money} />
              </dd>
            </div>
          ))}
        </dl>
      </figcaption>
    </figure>
  );
}
