import { describe, expect, it } from '@jest/globals';
import {
  SEARCH_PAGE_BUDGET_BYTES,
  chunkFiles,
  initialFilesOf,
  searchPageFiles,
} from './size-budget.js';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

describe("the public search page's size budget (the built portal, as the gateway serves it)", () => {
  it('should read the module script, the preloaded modules and the style sheets of index.html', () => {
    expect(
      initialFilesOf(
        '<script type="module" crossorigin src="/assets/index-a.js"></script>' +
          '<link rel="modulepreload" crossorigin href="/assets/vendor-b.js">' +
          '<link rel="stylesheet" crossorigin href="/assets/index-c.css">' +
          '<link rel="icon" href="data:," /><script src="/other.js"></script>',
      ),
    ).toEqual(['assets/index-a.js', 'assets/vendor-b.js', 'assets/index-c.css']);
  });

  it("should follow a lazy chunk's imports and style sheets once each", () => {
    const manifest = {
      'index.html': { file: 'assets/index.js', css: ['assets/index.css'] },
      'src/features/search/index.ts': {
        file: 'assets/search.js',
        css: ['assets/search.css'],
        imports: ['index.html', '_shared.js'],
      },
      '_shared.js': { file: 'assets/shared.js', imports: ['index.html'] },
    };
    expect(chunkFiles(manifest, 'src/features/search/index.ts')).toEqual([
      'assets/search.js',
      'assets/search.css',
      'assets/index.js',
      'assets/index.css',
      'assets/shared.js',
    ]);
    expect(() => chunkFiles(manifest, 'src/features/gone/index.ts')).toThrow(/no chunk/);
  });

  it(`should send the search page's first JavaScript and CSS in at most ${kb(SEARCH_PAGE_BUDGET_BYTES)} (Brotli)`, async () => {
    const files = await searchPageFiles();
    expect(files.map(({ file }) => file)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^assets\/index-.+\.js$/),
        expect.stringMatching(/^assets\/index-.+\.css$/),
        expect.stringMatching(/^assets\/search-.+\.js$/),
      ]),
    );
    const total = files.reduce((sum, { brotli }) => sum + brotli, 0);
    const listing = files.map(({ file, brotli }) => `${file} ${kb(brotli)}`).join(', ');
    // The message names every file, so a failure says what grew.
    expect({
      total: kb(total),
      files: listing,
      withinBudget: total <= SEARCH_PAGE_BUDGET_BYTES,
    }).toEqual({
      total: kb(total),
      files: listing,
      withinBudget: true,
    });
  });
});
