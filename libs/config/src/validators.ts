import { registerDecorator, type ValidationOptions } from 'class-validator';

/** A URL whose scheme is one of `protocols` (hosts without a top-level domain allowed). */
function IsUrlWithProtocol(
  name: string,
  protocols: string[],
  options?: ValidationOptions,
): PropertyDecorator {
  const schemes = protocols.map((protocol) => `${protocol}//`).join(' or ');
  return (target, propertyKey) => {
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: String(propertyKey),
      options: { message: `$property must be a URL starting with ${schemes}`, ...options },
      validator: {
        validate(value: unknown) {
          if (typeof value !== 'string') return false;
          try {
            return protocols.includes(new URL(value).protocol);
          } catch {
            return false;
          }
        },
      },
    });
  };
}

/** A `postgres://` or `postgresql://` connection URL. */
export const IsPostgresUrl = (options?: ValidationOptions) =>
  IsUrlWithProtocol('isPostgresUrl', ['postgres:', 'postgresql:'], options);

/** An `http://` or `https://` URL. */
export const IsHttpUrl = (options?: ValidationOptions) =>
  IsUrlWithProtocol('isHttpUrl', ['http:', 'https:'], options);
