// The matcher's normalized form of titles and names, stated once in the matching library.
export { normalizeTitle } from '#libs/matching';
