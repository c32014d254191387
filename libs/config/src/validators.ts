import { registerDecorator, type ValidationOptions } from 'class-validator';

/** A `postgres://` or `postgresql://` connection URL. */
export function IsPostgresUrl(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyKey) => {
    registerDecorator({
      name: 'isPostgresUrl',
      target: target.constructor,
      propertyName: String(propertyKey),
      options: { message: '$property must be a postgres:// or postgresql:// URL', ...options },
      validator: {
        validate(value: unknown) {
          if (typeof value !== 'string') return false;
          try {
            const url = new URL(value);
            return url.protocol === 'postgres:' || url.protocol === 'postgresql:';
          } catch {
            return false;
          }
        },
      },
    });
  };
}

/** An http(s) URL, hosts without a top-level domain allowed. */
export function IsHttpUrl(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyKey) => {
    registerDecorator({
      name: 'isHttpUrl',
      target: target.constructor,
      propertyName: String(propertyKey),
      options: { message: '$property must be an http:// or https:// URL', ...options },
      validator: {
        validate(value: unknown) {
          if (typeof value !== 'string') return false;
          try {
            const url = new URL(value);
            return url.protocol === 'http:' || url.protocol === 'https:';
          } catch {
            return false;
          }
        },
      },
    });
  };
}
