import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { GATEWAY_CREDENTIAL_HEADER, GatewayCredential, resolveSubgraphSecret } from '#libs/auth';
import { IdentityConfig } from '../identity.config.js';

/** What a proxy says of the client; believed only from the gateway. */
const FORWARDED = ['forwarded', 'x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto'];

/**
 * Believes `X-Forwarded-*` only on requests that carry the gateway's credential (the gateway
 * drops any a client sends and sets its own): on every other request they are removed before
 * anything reads them. So the client's network address (sign-in limits, the audit log) and the
 * scheme the provider sees (`proxy` is on) cannot be chosen by a client that reaches the app
 * directly. The credential itself is removed too, so nothing downstream sees or logs it.
 */
@Injectable()
export class ForwardedHeaders implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly config: IdentityConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    const credential = new GatewayCredential(await resolveSubgraphSecret(this.config));
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    fastify.addHook('onRequest', (request, _reply, done) => {
      const headers = request.raw.headers;
      const trusted = credential.matches(headers[GATEWAY_CREDENTIAL_HEADER]);
      delete headers[GATEWAY_CREDENTIAL_HEADER];
      if (!trusted) for (const name of FORWARDED) delete headers[name];
      done();
    });
  }
}

/**
 * The client's network address: the one the gateway forwarded (its `X-Forwarded-For` is a
 * single address; headers not from the gateway are gone by now), else the peer's.
 */
export function clientAddressOf(request: FastifyRequest): string {
  const header = request.headers['x-forwarded-for'];
  const forwarded = (Array.isArray(header) ? header[0] : header)?.split(',')[0]?.trim();
  return forwarded || request.ip;
}
