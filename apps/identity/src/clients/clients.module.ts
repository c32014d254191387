import { Module } from '@nestjs/common';
import { CLIENT_SOURCE } from '../oidc/infrastructure/oidc-provider.host.js';
import { CreateClientController } from './create-client/create-client.controller.js';
import { CreateClientHandler } from './create-client/create-client.handler.js';
import { DeleteClientController } from './delete-client/delete-client.controller.js';
import { DeleteClientHandler } from './delete-client/delete-client.handler.js';
import { ClientManagerAuthenticator } from './http/client-manager.authenticator.js';
import { ImportApiKeysHandler } from './import-api-keys/import-api-keys.handler.js';
import { ClientClock } from './infrastructure/client-clock.js';
import { PlatformClientLookup } from './infrastructure/platform-client.lookup.js';
import { PlatformClientStore } from './infrastructure/platform-client.store.js';
import { ListClientsController } from './list-clients/list-clients.controller.js';
import { ListClientsHandler } from './list-clients/list-clients.handler.js';
import { RotateSecretController } from './rotate-secret/rotate-secret.controller.js';
import { RotateSecretHandler } from './rotate-secret/rotate-secret.handler.js';

/**
 * Clients of platforms' machines (client credentials), kept in the identity schema and served
 * to the provider; managed over HTTP by platform staff and the operator (`/v1/clients`); the
 * authorization service's API keys moved into them at start.
 */
@Module({
  controllers: [
    CreateClientController,
    RotateSecretController,
    DeleteClientController,
    ListClientsController,
  ],
  providers: [
    ClientClock,
    PlatformClientStore,
    PlatformClientLookup,
    ClientManagerAuthenticator,
    CreateClientHandler,
    RotateSecretHandler,
    DeleteClientHandler,
    ListClientsHandler,
    ImportApiKeysHandler,
    { provide: CLIENT_SOURCE, useExisting: PlatformClientLookup },
  ],
  exports: [CLIENT_SOURCE],
})
export class ClientsModule {}
