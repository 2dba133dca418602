import { describe, expect, it } from 'vitest';
import { ENGAGEMENT_CAP, engagementBonus, formatCount } from '../../../src/core/risk/engagement.js';

describe('engagementBonus', () => {
  // biome-ignore format: one case per line reads as a table
  it.each([
    ['no counts', {}, 0],
    ['a handful of views', { views: 40 }, 0],
    ['a thousand views', { views: 1_000 }, 4],
    ['ten comments', { comments: 10 }, 5],
    ['ten shares', { shares: 10 }, 6],
  ])('gives %s about %i points', (_name, metrics, points) => {
    expect(Math.round(engagementBonus(metrics).points)).toBe(points);
  });

  it('grows with every count but never past the cap', () => {
    const counts = [0, 10, 100, 1_000, 1e4, 1e5, 1e6, 1e8];
    let previous = -1;
    for (const n of counts) {
      const { points } = engagementBonus({ views: n, comments: n, likes: n, shares: n });
      expect(points).toBeGreaterThanOrEqual(previous);
      expect(points).toBeLessThanOrEqual(ENGAGEMENT_CAP);
      previous = points;
    }
  });

  it('ignores negative and non-finite counts', () => {
    expect(
      engagementBonus({ views: -5, comments: Number.NaN, shares: Number.POSITIVE_INFINITY }).points,
    ).toBe(0);
  });

  it('summarizes the counts with thousands separators', () => {
    expect(engagementBonus({ views: 1_240, comments: 85 }).summary).toBe('1,240 views, 85 comments');
    expect(formatCount(1_234_567)).toBe('1,234,567');
  });
});
