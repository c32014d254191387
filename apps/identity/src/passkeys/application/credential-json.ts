/**
 * The browser's WebAuthn answer as posted in a form field (JSON), or undefined when the field
 * holds none (the page's script did not run, or the person cancelled).
 */
export function parseCredential<T>(value: string): T | undefined {
  if (!value || value.length > 64_000) return undefined;
  try {
    const parsed: unknown = JSON.parse(value);
    return typeof parsed === 'object' && parsed !== null && 'id' in parsed
      ? (parsed as T)
      : undefined;
  } catch {
    return undefined;
  }
}
