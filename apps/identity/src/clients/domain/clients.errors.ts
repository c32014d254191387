/** What can go wrong managing platform clients; the HTTP layer maps each to one status. */
export enum ClientsErrorCode {
  INVALID_REQUEST = 'INVALID_REQUEST',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
}

export class ClientsError extends Error {
  constructor(
    readonly code: ClientsErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ClientsError';
  }
}
