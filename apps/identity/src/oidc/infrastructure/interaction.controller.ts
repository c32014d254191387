import { Controller, Get, Param, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { INTERACTION_PATH } from './provider-configuration.js';

/**
 * Where the provider sends a browser to sign in or consent. The pages are not built yet: the
 * route answers 501 with a sentence, so a browser flow stops visibly instead of failing.
 */
@Controller(INTERACTION_PATH.slice(1))
export class InteractionController {
  @Get(':uid')
  signIn(@Param('uid') _uid: string, @Res() reply: FastifyReply): FastifyReply {
    return reply
      .code(501)
      .type('text/plain; charset=utf-8')
      .send('Signing in with a browser is not available yet: use client credentials for now.\n');
  }
}
