import { describe, expect, it } from 'vitest';
import { LEVELS, type Level } from '../../../src/config/schema.js';
import { levelAtLeast, levelFor } from '../../../src/core/risk/level.js';

describe('levelFor', () => {
  it.each<[number, Level]>([
    [0, 'none'],
    [19, 'none'],
    [20, 'low'],
    [39, 'low'],
    [40, 'medium'],
    [59, 'medium'],
    [60, 'high'],
    [79, 'high'],
    [80, 'critical'],
    [100, 'critical'],
  ])('puts a score of %i at %s', (score, level) => {
    expect(levelFor(score)).toBe(level);
  });

  it('never gives a lower level for a higher score', () => {
    let previous = LEVELS.indexOf(levelFor(0));
    for (let score = 1; score <= 100; score += 1) {
      const current = LEVELS.indexOf(levelFor(score));
      expect(current).toBeGreaterThanOrEqual(previous);
      previous = current;
    }
  });
});

describe('levelAtLeast', () => {
  it.each<[Level, Level, boolean]>([
    ['medium', 'medium', true],
    ['high', 'medium', true],
    ['low', 'medium', false],
    ['none', 'none', true],
    ['critical', 'low', true],
  ])('says %s is at least %s: %s', (level, threshold, expected) => {
    expect(levelAtLeast(level, threshold)).toBe(expected);
  });
});
