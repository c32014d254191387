import { Controller, HttpCode, HttpException, HttpStatus, Post, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Tokens } from '#libs/auth';
import { Role } from '#libs/contracts';
import { ApiKeys } from '../application/api-keys.js';

/** Lifetime of tokens given for API keys: a revoked key stops working within it. */
export const API_KEY_TOKEN_TTL_SECONDS = 300;

/**
 * `POST /v1/api-keys/token` with `X-Api-Key`: a short-lived bearer token of the key's platform
 * (the gateway calls it, so that every subgraph verifies one kind of credential), or 401.
 */
@Controller('v1/api-keys')
export class ApiKeyExchangeController {
  constructor(
    private readonly keys: ApiKeys,
    private readonly tokens: Tokens,
  ) {}

  @Post('token')
  @HttpCode(200)
  async exchange(@Req() request: FastifyRequest) {
    const secret = request.headers['x-api-key'];
    const platformId = typeof secret === 'string' ? await this.keys.platformFor(secret) : undefined;
    if (!platformId) {
      throw new HttpException(
        { statusCode: 401, message: 'the API key is unknown or revoked' },
        HttpStatus.UNAUTHORIZED,
      );
    }
    const token = await this.tokens.issue(
      { role: Role.PLATFORM, partyId: platformId },
      API_KEY_TOKEN_TTL_SECONDS,
    );
    return { token, expiresIn: API_KEY_TOKEN_TTL_SECONDS };
  }
}
