import { Module } from '@nestjs/common';
import { CreateEndpointHandler } from './create-endpoint/create-endpoint.handler.js';
import { CreateEndpointResolver } from './create-endpoint/create-endpoint.resolver.js';
import { DeleteEndpointHandler } from './delete-endpoint/delete-endpoint.handler.js';
import { DeleteEndpointResolver } from './delete-endpoint/delete-endpoint.resolver.js';
import { GetEndpointHandler } from './get-endpoint/get-endpoint.handler.js';
import { GetEndpointResolver } from './get-endpoint/get-endpoint.resolver.js';
import { EndpointRepository } from './infrastructure/endpoint.repository.js';
import { ListDeliveriesHandler } from './list-deliveries/list-deliveries.handler.js';
import { ListDeliveriesResolver } from './list-deliveries/list-deliveries.resolver.js';
import { ListEndpointsHandler } from './list-endpoints/list-endpoints.handler.js';
import { ListEndpointsResolver } from './list-endpoints/list-endpoints.resolver.js';
import { ListEventTypesHandler } from './list-event-types/list-event-types.handler.js';
import { ListEventTypesResolver } from './list-event-types/list-event-types.resolver.js';
import { RedeliverHandler } from './redeliver/redeliver.handler.js';
import { RedeliverResolver } from './redeliver/redeliver.resolver.js';
import { RotateSecretHandler } from './rotate-secret/rotate-secret.handler.js';
import { RotateSecretResolver } from './rotate-secret/rotate-secret.resolver.js';
import { SendTestHandler } from './send-test/send-test.handler.js';
import { SendTestResolver } from './send-test/send-test.resolver.js';
import { UpdateEndpointHandler } from './update-endpoint/update-endpoint.handler.js';
import { UpdateEndpointResolver } from './update-endpoint/update-endpoint.resolver.js';

/** Webhook endpoints, managed by their owners' staff: URL, event types, secrets, test ping, log. */
@Module({
  providers: [
    EndpointRepository,
    CreateEndpointHandler,
    CreateEndpointResolver,
    UpdateEndpointHandler,
    UpdateEndpointResolver,
    RotateSecretHandler,
    RotateSecretResolver,
    DeleteEndpointHandler,
    DeleteEndpointResolver,
    SendTestHandler,
    SendTestResolver,
    RedeliverHandler,
    RedeliverResolver,
    ListEndpointsHandler,
    ListEndpointsResolver,
    GetEndpointHandler,
    GetEndpointResolver,
    ListEventTypesHandler,
    ListEventTypesResolver,
    ListDeliveriesHandler,
    ListDeliveriesResolver,
  ],
})
export class EndpointsModule {}
