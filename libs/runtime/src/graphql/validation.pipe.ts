import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { apiError } from '#libs/auth';

function messages(errors: ValidationError[], prefix = ''): string[] {
  return errors.flatMap((error) => [
    ...Object.values(error.constraints ?? {}).map((message) => `${prefix}${message}`),
    ...messages(error.children ?? [], `${prefix}${error.property}.`),
  ]);
}

/** Validates GraphQL inputs (class-validator); failures are BAD_USER_INPUT errors listing each problem. */
export const inputValidationPipe = new ValidationPipe({
  transform: true,
  whitelist: true,
  // Scalar and enum arguments are not classes: only input classes are validated.
  forbidUnknownValues: false,
  exceptionFactory: (errors) => {
    const problems = messages(errors);
    return apiError('BAD_USER_INPUT', problems.join('; '), { problems });
  },
});
