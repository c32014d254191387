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

/** The four subgraph services in start order. */
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
];

export function subgraphService(name: string): SubgraphService {
  const service = subgraphServices.find((candidate) => candidate.name === name);
  if (!service)
    throw new Error(
      `unknown service ${name}; one of ${subgraphServices.map((s) => s.name).join(', ')}`,
    );
  return service;
}
