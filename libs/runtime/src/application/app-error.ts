/** What went wrong, as the API says it: the GraphQL code, and the HTTP status of a route. */
export enum AppErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  /** Also what a caller gets for what it may not see. */
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
}

export const HTTP_STATUS_OF: Record<AppErrorCode, number> = {
  [AppErrorCode.BAD_USER_INPUT]: 400,
  [AppErrorCode.UNAUTHENTICATED]: 401,
  [AppErrorCode.FORBIDDEN]: 403,
  [AppErrorCode.NOT_FOUND]: 404,
  [AppErrorCode.CONFLICT]: 409,
};

/**
 * The one error a use case raises for its client: a code and a sentence a person can act on.
 * The services' exception filter turns it into the GraphQL error or the HTTP answer.
 */
export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    /** Extra facts for the client (a field, a line number), in the GraphQL extensions. */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'AppError';
  }

  static badInput(message: string, details?: Record<string, unknown>): AppError {
    return new AppError(AppErrorCode.BAD_USER_INPUT, message, details);
  }

  static notFound(message: string): AppError {
    return new AppError(AppErrorCode.NOT_FOUND, message);
  }

  static forbidden(message: string): AppError {
    return new AppError(AppErrorCode.FORBIDDEN, message);
  }

  static conflict(message: string, details?: Record<string, unknown>): AppError {
    return new AppError(AppErrorCode.CONFLICT, message, details);
  }
}
