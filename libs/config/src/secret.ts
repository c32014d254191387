const secretKeys = new WeakMap<object, Set<string>>();

/** Marks a configuration property whose value must never be logged or echoed in an error. */
export function Secret(): PropertyDecorator {
  return (target, propertyKey) => {
    const keys = secretKeys.get(target) ?? new Set<string>();
    keys.add(String(propertyKey));
    secretKeys.set(target, keys);
  };
}

export function isSecret(configClass: abstract new () => object, key: string): boolean {
  let proto: object | null = configClass.prototype as object;
  while (proto) {
    if (secretKeys.get(proto)?.has(key)) return true;
    proto = Object.getPrototypeOf(proto) as object | null;
  }
  return false;
}
