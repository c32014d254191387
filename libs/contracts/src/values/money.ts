import { IsString, Matches } from 'class-validator';

/** ISO 4217 minor-unit exponents of the currencies the clearinghouse settles in. */
export const CURRENCY_EXPONENTS: Readonly<Record<string, number>> = {
  JPY: 0,
  KRW: 0,
  USD: 2,
  EUR: 2,
  GBP: 2,
  CNY: 2,
  TWD: 2,
  HKD: 2,
  SGD: 2,
  AUD: 2,
  CAD: 2,
  CHF: 2,
};

/**
 * An amount in integer minor units of an ISO 4217 currency, e.g. `{ amountMinor: '1500',
 * currency: 'JPY' }`. The amount is a decimal string so it survives JSON without precision loss;
 * arithmetic uses BigInt.
 */
export class MoneyDto {
  @Matches(/^-?(0|[1-9]\d*)$/, { message: '$property must be an integer number of minor units' })
  amountMinor: string;

  @IsString()
  @Matches(/^[A-Z]{3}$/, { message: '$property must be an ISO 4217 code' })
  currency: string;
}

export function money(amountMinor: bigint, currency: string): MoneyDto {
  return Object.assign(new MoneyDto(), { amountMinor: amountMinor.toString(), currency });
}
