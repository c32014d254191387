import { describe, expect, it } from '@jest/globals';
import { lineEnds, separatorProblem } from './shape.js';

describe(separatorProblem.name, () => {
  it.each([
    ['title;category;creators', 'the file is separated by semicolons; save it as CSV with commas'],
    ['"title";"category"', 'the file is separated by semicolons; save it as CSV with commas'],
    ['licenseId\tworkId\tquantity', 'the file is separated by tabs; save it as CSV with commas'],
    ['a;b;c,d', 'the file is separated by semicolons; save it as CSV with commas'],
  ])('should refuse %j', (line, problem) => {
    expect(separatorProblem(line)).toBe(problem);
  });

  it.each([
    ['title,category,creators'],
    ['title,"a;b;c;d",creators'],
    ['"tab\there",x'],
    ['single'],
    [''],
  ])('should accept %j', (line) => {
    expect(separatorProblem(line)).toBeUndefined();
  });
});

describe(lineEnds.name, () => {
  it.each([
    ['', 0],
    ['a\nb', 1],
    ['a\r\nb\r\n', 2],
    ['a\rb\r', 2],
    ['\r\n\n\r', 3],
  ])('should count the line ends of %j', (text, count) => {
    expect(lineEnds(text)).toBe(count);
  });
});
