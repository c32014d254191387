/** A file that cannot be read as CSV at all: refused whole, with the physical line at fault. */
export class CsvFileError extends Error {
  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(`line ${line}: ${reason}`);
    this.name = 'CsvFileError';
  }
}

export const NOT_TEXT = 'the file must be UTF-8 text without NUL bytes';

const SEPARATORS = { ';': 'semicolons', '\t': 'tabs' } as const;

/**
 * Why a file whose first line is `firstLine` is not comma-separated (a spreadsheet saved with
 * semicolons or tabs), or nothing. Separators inside quotes do not count.
 */
export function separatorProblem(firstLine: string): string | undefined {
  const counts: Record<string, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const character of firstLine) {
    if (character === '"') quoted = !quoted;
    else if (!quoted && character in counts) counts[character]! += 1;
  }
  const [separator, found] = Object.entries(SEPARATORS)
    .map(([character, name]) => [name, counts[character]!] as const)
    .sort((a, b) => b[1] - a[1])[0]!;
  if (found === 0 || found <= counts[',']!) return undefined;
  return `the file is separated by ${separator}; save it as CSV with commas`;
}

/** The number of line ends (`\n`, `\r\n` or a lone `\r`) in a text. */
export function lineEnds(text: string): number {
  let count = 0;
  for (let index = 0; index < text.length; index += 1) {
    const character = text.charCodeAt(index);
    if (character === 10) count += 1;
    else if (character === 13 && text.charCodeAt(index + 1) !== 10) count += 1;
  }
  return count;
}
