import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { ConfigValidationError, type ConfigProblem } from './config-validation.error.js';
import { isSecret } from './secret.js';

/**
 * Reads the environment once into a typed, validated configuration object.
 * Empty strings count as unset, so `FOO=` falls back to the default.
 * Throws ConfigValidationError naming every invalid variable.
 */
export function loadConfig<T extends object>(
  configClass: new () => T,
  env: Record<string, string | undefined> = process.env,
): T {
  const defaults = new configClass() as Record<string, unknown>;
  const plain: Record<string, unknown> = {};
  for (const key of Object.keys(defaults)) {
    const raw = env[key];
    plain[key] = raw === undefined || raw === '' ? defaults[key] : raw;
  }
  const config = plainToInstance(configClass, plain, { enableImplicitConversion: true });
  const errors = validateSync(config, { whitelist: false, forbidUnknownValues: true });
  if (errors.length > 0) {
    throw new ConfigValidationError(errors.map((error) => toProblem(configClass, env, error)));
  }
  return Object.freeze(config);
}

function toProblem(
  configClass: new () => object,
  env: Record<string, string | undefined>,
  error: ValidationError,
): ConfigProblem {
  const raw = env[error.property];
  return {
    variable: error.property,
    value: raw === undefined ? undefined : isSecret(configClass, error.property) ? '[secret]' : raw,
    reasons: Object.values(error.constraints ?? {}),
  };
}

/** A copy of the configuration safe to log: secrets are masked. */
export function redactConfig<T extends object>(config: T): Record<string, unknown> {
  const configClass = config.constructor as new () => object;
  return Object.fromEntries(
    Object.entries(config).map(([key, value]) => [
      key,
      isSecret(configClass, key) && value !== undefined ? '[secret]' : value,
    ]),
  );
}
