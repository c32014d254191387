import { USE_TYPES, useTypeWords } from './use-types';

/**
 * A work's category and the uses of a work as words, keyed by the API's values: the same words
 * on every page (stated once, in use-types.ts).
 */
export const workLabels = useTypeWords;

export const WORK_CATEGORIES = [
  'MUSIC',
  'FILM',
  'TV_PROGRAM',
  'GAME',
  'MANGA',
  'BOOK',
  'UGC',
] as const;
export { USE_TYPES };
