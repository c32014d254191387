import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PageInfo } from '#libs/runtime';
import { DeliveryStatus } from '../../deliveries/infrastructure/webhook-delivery.entity.js';
import { EndpointDisabledReason } from '../infrastructure/webhook-endpoint.entity.js';

registerEnumType(DeliveryStatus, {
  name: 'WebhookDeliveryStatus',
  description: 'PENDING (waiting for an attempt), SUCCEEDED, PARKED (retries ran out), CANCELLED.',
});
registerEnumType(EndpointDisabledReason, {
  name: 'WebhookEndpointDisabledReason',
  description: 'BY_OWNER (turned off by its staff) or FAILING (failing for days).',
});

@ObjectType({ description: 'A signing secret of an endpoint, without the secret itself.' })
export class WebhookSecretInfo {
  @Field(() => ID)
  id: string;

  @Field()
  createdAt: Date;

  @Field(() => Date, {
    nullable: true,
    description: 'When it stops signing; null while it is the current secret.',
  })
  expiresAt: Date | null;
}

@ObjectType({ description: 'One try of a delivery.' })
export class WebhookAttempt {
  @Field(() => Int, { description: '1 for the first try.' })
  attempt: number;

  @Field()
  startedAt: Date;

  @Field()
  succeeded: boolean;

  @Field(() => Int, { nullable: true, description: 'HTTP status answered; null without answer.' })
  responseStatus: number | null;

  @Field(() => Int)
  latencyMs: number;

  @Field(() => String, { nullable: true })
  error: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The first few hundred characters of the answer.',
  })
  responseExcerpt: string | null;
}

@ObjectType({ description: 'A message on its way to one endpoint, with its attempts.' })
export class WebhookDelivery {
  @Field({ description: 'The delivery (a number, in the order deliveries were made).' })
  id: string;

  @Field({ description: 'The `webhook-id` the receiver dedupes by (the same on a redelivery).' })
  messageId: string;

  @Field()
  eventType: string;

  @Field(() => DeliveryStatus)
  status: DeliveryStatus;

  @Field(() => Int)
  attempts: number;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  firstAttemptAt: Date | null;

  @Field(() => Date, { nullable: true })
  lastAttemptAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it is tried next, while PENDING.' })
  nextAttemptAt: Date | null;

  @Field(() => Int, { nullable: true, description: 'HTTP status of the last attempt.' })
  responseStatus: number | null;

  @Field(() => Int, { nullable: true, description: 'Milliseconds the last attempt took.' })
  latencyMs: number | null;

  @Field(() => String, { nullable: true, description: 'Why the last attempt failed.' })
  error: string | null;

  @Field(() => String, { nullable: true, description: 'The delivery this one sends again.' })
  redeliveryOf: string | null;

  @Field(() => [WebhookAttempt])
  attemptLog: WebhookAttempt[];
}

@ObjectType()
export class WebhookDeliveryEdge {
  @Field(() => WebhookDelivery)
  node: WebhookDelivery;

  @Field()
  cursor: string;
}

@ObjectType()
export class WebhookDeliveryConnection {
  @Field(() => [WebhookDeliveryEdge])
  edges: WebhookDeliveryEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int, { description: 'How many deliveries the filter keeps.' })
  totalCount: number;
}

@ObjectType({ description: 'Where a platform or a society receives its events, signed.' })
export class WebhookEndpoint {
  @Field(() => ID)
  id: string;

  @Field(() => ID, { description: 'The platform or society that receives the events.' })
  ownerId: string;

  @Field()
  url: string;

  @Field()
  description: string;

  @Field(() => [String], {
    description: 'Event types delivered; empty: every type it may receive.',
  })
  eventTypes: string[];

  @Field()
  enabled: boolean;

  @Field(() => EndpointDisabledReason, { nullable: true })
  disabledReason: EndpointDisabledReason | null;

  @Field(() => Date, { nullable: true })
  disabledAt: Date | null;

  @Field(() => Date, {
    nullable: true,
    description: 'The first failed attempt since the last success; null while healthy.',
  })
  failingSince: Date | null;

  @Field(() => Date, { nullable: true })
  lastSuccessAt: Date | null;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;

  @Field(() => [WebhookSecretInfo], {
    description: 'Secrets that still sign or signed, newest first (never the secret itself).',
  })
  secrets: WebhookSecretInfo[];
}

@ObjectType()
export class WebhookEndpointEdge {
  @Field(() => WebhookEndpoint)
  node: WebhookEndpoint;

  @Field()
  cursor: string;
}

@ObjectType()
export class WebhookEndpointConnection {
  @Field(() => [WebhookEndpointEdge])
  edges: WebhookEndpointEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int, { description: 'How many endpoints the list keeps.' })
  totalCount: number;
}

@ObjectType({ description: 'An endpoint and its signing secret, shown only when made.' })
export class WebhookEndpointWithSecret {
  @Field(() => WebhookEndpoint)
  endpoint: WebhookEndpoint;

  @Field({ description: '`whsec_` and base64: keep it, it is not shown again.' })
  secret: string;
}

@ObjectType({ description: 'What a redelivery of a time range made.' })
export class WebhookRedelivery {
  @Field(() => Int)
  count: number;

  @Field(() => [WebhookDelivery], { description: 'The new deliveries, oldest first.' })
  deliveries: WebhookDelivery[];
}
