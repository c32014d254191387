import { useFormat } from '../i18n/format';

/** An amount of money (integer minor units) as the visitor's language writes it. */
export function MoneyText({ money }: { money: { amountMinor: string; currency: string } }) {
  const format = useFormat();
  return <span className="money">{format.money(money)}</span>;
}

/** A calendar date or an instant, in a <time> element with its machine-readable value. */
export function DateText({ value, withTime }: { value: string; withTime?: boolean }) {
  const format = useFormat();
  return <time dateTime={value}>{withTime ? format.dateTime(value) : format.date(value)}</time>;
}
