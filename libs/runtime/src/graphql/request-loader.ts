import DataLoader from 'dataloader';

/**
 * A DataLoader per request: everything one GraphQL response needs of a kind is fetched in one
 * batch, and nothing is shared between requests. Missing keys load as null.
 */
export class RequestLoader<K, V> {
  private readonly loaders = new WeakMap<object, DataLoader<K, V | null>>();

  constructor(private readonly fetch: (keys: readonly K[]) => Promise<ReadonlyMap<K, V>>) {}

  for(request: object): DataLoader<K, V | null> {
    let loader = this.loaders.get(request);
    if (!loader) {
      loader = new DataLoader<K, V | null>(async (keys) => {
        const found = await this.fetch(keys);
        return keys.map((key) => found.get(key) ?? null);
      });
      this.loaders.set(request, loader);
    }
    return loader;
  }
}
