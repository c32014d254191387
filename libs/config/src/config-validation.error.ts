export interface ConfigProblem {
  variable: string;
  /** The offending value, or `[secret]` for variables marked secret. */
  value: string | undefined;
  reasons: string[];
}

/** Thrown when the environment does not validate; lists every bad variable, not just the first. */
export class ConfigValidationError extends Error {
  constructor(readonly problems: ConfigProblem[]) {
    super(
      `Invalid configuration:\n${problems
        .map(
          (p) =>
            `  - ${p.variable}${p.value === undefined ? '' : ` (value: ${JSON.stringify(p.value)})`}: ${p.reasons.join('; ')}`,
        )
        .join('\n')}`,
    );
    this.name = 'ConfigValidationError';
  }
}
