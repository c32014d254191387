/** Export text and what a spreadsheet must get: the TypeScript rule and its SQL twin are tested on these. */
export const SPREADSHEET_SCENARIOS: [string, string][] = [
  ['title:夜の月', 'title:夜の月'],
  ['a0c1e2d3-0000-4000-8000-000000000001', 'a0c1e2d3-0000-4000-8000-000000000001'],
  ['=HYPERLINK("http://x")', `'=HYPERLINK("http://x")`],
  ['+1+2', "'+1+2"],
  ['-2+3', "'-2+3"],
  ['@SUM(A1)', "'@SUM(A1)"],
  ['\tcmd', "'\tcmd"],
  ['\rcmd', "'\rcmd"],
  ['a=b', 'a=b'],
  ['', ''],
];
