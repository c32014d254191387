export type TokenProblem = 'missing' | 'malformed' | 'expired' | 'invalid';

/** A token that does not identify a caller, and why (a sentence a client may be shown). */
export class InvalidTokenError extends Error {
  constructor(
    readonly problem: TokenProblem,
    message: string,
  ) {
    super(message);
    this.name = 'InvalidTokenError';
  }
}
