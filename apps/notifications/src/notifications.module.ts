import { type DynamicModule, Module } from '@nestjs/common';
import type { NotificationsConfig } from '#libs/config';
import { RegistryViewModule } from '#libs/registry-view';
import { serviceInfrastructure, type ServiceContext } from '#libs/runtime';
import { DeliveriesModule } from './deliveries/deliveries.module.js';
import { EndpointsModule } from './endpoints/endpoints.module.js';
import { notificationsDatabase } from './notifications.database.js';
import { NoticesModule } from './notices/notices.module.js';

/**
 * Tells platforms, societies and people what changed: signed webhooks to the endpoints their
 * staff register, and mail notices handed to the identity app, all made from the event log.
 */
@Module({})
export class NotificationsModule {
  static forRoot(context: ServiceContext<NotificationsConfig>): DynamicModule {
    return {
      module: NotificationsModule,
      imports: [
        ...serviceInfrastructure(context, {
          database: notificationsDatabase,
          produces: [],
          infoQuery: 'notificationsInfo',
          partiesTable: 'rv_parties',
        }),
        RegistryViewModule.forService({
          schema: 'notifications',
          consumer: 'notifications.registry-view',
          global: true,
        }),
        DeliveriesModule,
        EndpointsModule,
        NoticesModule,
      ],
    };
  }
}
