import { Directive, Field, ObjectType } from '@nestjs/graphql';

/** An amount in integer minor units of an ISO 4217 currency, as a decimal string. */
@ObjectType()
@Directive('@shareable')
export class Money {
  @Field({ description: 'Integer minor units, e.g. "1500" (JPY) or "1999" (EUR 19.99).' })
  amountMinor: string;

  @Field({ description: 'ISO 4217 code.' })
  currency: string;
}

export function moneyOf(amountMinor: bigint, currency: string): Money {
  return { amountMinor: amountMinor.toString(), currency };
}
