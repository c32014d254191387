import type { ServiceDefinition } from '#libs/runtime';

export interface SubgraphService {
  name: string;
  /** Gateway variable that names the service's URL. */
  urlVariable: string;
  /** The service's own port variable. */
  portVariable: string;
  /**
   * Loads the service's code. Loaded lazily: Nest keeps GraphQL type metadata per module graph,
   * so two services' code must not be loaded where one service's schema is built.
   */
  load(): Promise<ServiceDefinition>;
}

/** The subgraph services in start order. */
export const subgraphServices: readonly SubgraphService[] = [
  {
    name: 'rights-registry',
    urlVariable: 'RIGHTS_REGISTRY_URL',
    portVariable: 'RIGHTS_REGISTRY_PORT',
    load: async () =>
      (await import('../../rights-registry/src/rights-registry.app.js')).rightsRegistryApp,
  },
  {
    name: 'authorization',
    urlVariable: 'AUTHORIZATION_URL',
    portVariable: 'AUTHORIZATION_PORT',
    load: async () =>
      (await import('../../authorization/src/authorization.app.js')).authorizationApp,
  },
  {
    name: 'opt-out',
    urlVariable: 'OPT_OUT_URL',
    portVariable: 'OPT_OUT_PORT',
    load: async () => (await import('../../opt-out/src/opt-out.app.js')).optOutApp,
  },
  {
    name: 'royalty-distribution',
    urlVariable: 'ROYALTY_DISTRIBUTION_URL',
    portVariable: 'ROYALTY_DISTRIBUTION_PORT',
    load: async () =>
      (await import('../../royalty-distribution/src/royalty-distribution.app.js'))
        .royaltyDistributionApp,
  },
  {
    name: 'notifications',
    urlVariable: 'NOTIFICATIONS_URL',
    portVariable: 'NOTIFICATIONS_PORT',
    load: async () =>
      (await import('../../notifications/src/notifications.app.js')).notificationsApp,
  },
];

/**
 * The identity app (the OpenID Provider): started with the subgraphs, its schema migrated like
 * theirs, but no subgraph (the gateway forwards `/oidc` and `/interaction` to it).
 */
export const identityService: SubgraphService = {
  name: 'identity',
  urlVariable: 'IDENTITY_URL',
  portVariable: 'IDENTITY_PORT',
  load: async () => (await import('../../identity/src/identity.app.js')).identityApp,
};

/** Every service the launchers start (the gateway aside), in start order. */
export const systemServices: readonly SubgraphService[] = [...subgraphServices, identityService];

/** A service the launchers start, by name. */
export function systemService(name: string): SubgraphService {
  const service = systemServices.find((candidate) => candidate.name === name);
  if (!service)
    throw new Error(
      `unknown service ${name}; one of ${systemServices.map((s) => s.name).join(', ')}`,
    );
  return service;
}

export function subgraphService(name: string): SubgraphService {
  const service = subgraphServices.find((candidate) => candidate.name === name);
  if (!service)
    throw new Error(
      `unknown service ${name}; one of ${subgraphServices.map((s) => s.name).join(', ')}`,
    );
  return service;
}
