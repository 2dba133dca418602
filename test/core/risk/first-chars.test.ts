import { describe, expect, it } from 'vitest';
import { firstChars } from '../../../src/core/risk/first-chars.js';

const chars = (source: string) => {
  const { first } = firstChars(source);
  return first === 'any' ? 'any' : [...first].sort().join('');
};

describe('firstChars', () => {
  it.each([
    ['a literal', 'abc', 'a'],
    ['an alternation', 'foo|bar', 'bf'],
    ['a group followed by more', '(?:x|y)z', 'xy'],
    ['an optional first atom', 'a?b', 'ab'],
    ['an optional group', '(?:죽은\\s*)?벌레', '벌죽'],
    ['a word boundary', '\\b(?:rude|mold)\\b', 'mr'],
    ['a lookbehind', '(?<!사슴)벌레', '벌'],
    ['a lookahead', '차별(?!화)', '차'],
    ['a small class', '[ab]c', 'ab'],
    ['a digit escape', '\\d+일째', '0123456789'],
    ['an escaped symbol', '\\?{2,}', '?'],
    ['a counted optional prefix', '(?:ab){0,2}c', 'ac'],
  ])('reads %s', (_name, source, expected) => {
    expect(chars(source)).toBe(expected);
  });

  it.each([
    ['a dot', '.x'],
    ['a negated class', '[^a]b'],
    ['a wide range', '[가-힣]x'],
  ])('gives up on %s', (_name, source) => {
    expect(chars(source)).toBe('any');
  });

  it.each([
    ['an optional atom', 'x?', true],
    ['a star', '(?:ab)*', true],
    ['a plain word', 'abc', false],
  ])('knows whether %s can match empty text', (_name, source, nullable) => {
    expect(firstChars(source).nullable).toBe(nullable);
  });
});
