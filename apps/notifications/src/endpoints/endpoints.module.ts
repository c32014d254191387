import { Module } from '@nestjs/common';

/** Webhook endpoints, managed by their owners' staff: URL, event types, secrets, test ping, log. */
@Module({})
export class EndpointsModule {}
