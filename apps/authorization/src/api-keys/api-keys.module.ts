import { Module } from '@nestjs/common';
import { ApiKeys } from './application/api-keys.js';
import { ApiKeysResolver } from './graphql/api-keys.resolver.js';
import { ApiKeyExchangeController } from './http/api-key-exchange.controller.js';

@Module({
  controllers: [ApiKeyExchangeController],
  providers: [ApiKeys, ApiKeysResolver],
})
export class ApiKeysModule {}
