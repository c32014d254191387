/**
 * What the request log says of a URL: its path and the names of its query parameters, never
 * their values. Mailed links carry single-use secrets in the query (`/account/reset?token=`,
 * `/account/invitation?token=`, `/oidc/device?user_code=`, `/account/callback?code=`), and a
 * log is read by more people than those links were sent to.
 */
export function loggableUrl(url: string): { url: string; query?: string[] } {
  const mark = url.indexOf('?');
  if (mark < 0) return { url };
  const names = [...new URLSearchParams(url.slice(mark + 1)).keys()];
  return { url: url.slice(0, mark), query: [...new Set(names)] };
}
