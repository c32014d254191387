/**
 * A path of this site to go back to after sign-in, or undefined for anything else (another
 * origin, `//host`, `/\host` which browsers read as `//host`, control characters).
 */
export function sameSitePath(path: string): string | undefined {
  const unsafe = [...path].some((char) => char === '\\' || char <= '\u001f' || char === '\u007f');
  if (!path.startsWith('/') || unsafe) return undefined;
  try {
    const url = new URL(path, window.location.origin);
    return url.origin === window.location.origin
      ? `${url.pathname}${url.search}${url.hash}`
      : undefined;
  } catch {
    return undefined;
  }
}
