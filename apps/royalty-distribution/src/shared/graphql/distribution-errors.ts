import { HttpException, HttpStatus } from '@nestjs/common';
import { refusalMapper } from '#libs/auth';
import { DistributionError, DistributionErrorCode } from '../domain/distribution.errors.js';

const CODES = {
  [DistributionErrorCode.INVALID]: ['BAD_USER_INPUT', HttpStatus.BAD_REQUEST],
  [DistributionErrorCode.NOT_FOUND]: ['NOT_FOUND', HttpStatus.NOT_FOUND],
  [DistributionErrorCode.NOT_ALLOWED]: ['FORBIDDEN', HttpStatus.FORBIDDEN],
  [DistributionErrorCode.CONFLICT]: ['CONFLICT', HttpStatus.CONFLICT],
} as const;

/** Runs a use case, turning its DistributionError into the API's GraphQL error. */
export const mapDistributionErrors = refusalMapper(DistributionError, {
  [DistributionErrorCode.INVALID]: CODES[DistributionErrorCode.INVALID][0],
  [DistributionErrorCode.NOT_FOUND]: CODES[DistributionErrorCode.NOT_FOUND][0],
  [DistributionErrorCode.NOT_ALLOWED]: CODES[DistributionErrorCode.NOT_ALLOWED][0],
  [DistributionErrorCode.CONFLICT]: CODES[DistributionErrorCode.CONFLICT][0],
});

/** The same for HTTP endpoints: a status and `{ statusCode, message }`. */
export async function mapDistributionErrorsToHttp<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof DistributionError)) throw error;
    const status = CODES[error.code][1];
    throw new HttpException({ statusCode: status, message: error.message }, status);
  }
}
