/**
 * A use case's refusal: a code that the API maps to its error code, the message, and each
 * problem in words a person can act on. Each service names its own codes and subclass.
 */
export class CodedError<Code extends string> extends Error {
  constructor(
    readonly code: Code,
    message: string,
    readonly problems: string[] = [message],
  ) {
    super(message);
    this.name = new.target.name;
  }
}
