import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** A word of a text as the dictionary reads it. */
export interface ReadToken {
  surface: string;
  /** The reading in katakana, when the dictionary knows the word. */
  reading?: string;
}

/** Reads Japanese text into words and their readings (a morphological analyzer). */
export interface ReadingAnalyzer {
  read(text: string): ReadToken[];
}

interface KuromojiToken {
  surface_form: string;
  reading?: string;
}
interface KuromojiTokenizer {
  tokenize(text: string): KuromojiToken[];
}
interface KuromojiModule {
  builder(options: { dicPath: string }): {
    build(callback: (error: Error | null, tokenizer: KuromojiTokenizer) => void): void;
  };
}

let loading: Promise<ReadingAnalyzer> | undefined;

/**
 * The IPADIC dictionary through kuromoji, loaded once per process or worker thread on first
 * use (about half a second and 250 MB): texts without kanji never load it.
 */
export function readingAnalyzer(): Promise<ReadingAnalyzer> {
  loading ??= new Promise<ReadingAnalyzer>((resolve, reject) => {
    const require = createRequire(import.meta.url);
    const kuromoji = require('kuromoji') as KuromojiModule;
    const dicPath = join(dirname(require.resolve('kuromoji/package.json')), 'dict');
    kuromoji.builder({ dicPath }).build((error, tokenizer) => {
      if (error) {
        loading = undefined;
        reject(error);
        return;
      }
      resolve({
        read: (text) =>
          tokenizer.tokenize(text).map((token) => ({
            surface: token.surface_form,
            ...(token.reading && token.reading !== '*' ? { reading: token.reading } : {}),
          })),
      });
    });
  });
  return loading;
}
