import { describe, expect, it } from 'vitest';
import {
  ENGAGEMENT_CAP,
  engagementBonus,
  formatCount,
  relativeBonus,
  sourceBaseline,
} from '../../../src/core/risk/engagement.js';

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

describe('counts relative to the source', () => {
  it("adds points when a post has three times or more its source's usual comments or views", () => {
    expect(relativeBonus({ comments: 40 }, { comments: 3 })).toEqual({
      points: 6,
      note: "13× the source's usual comments",
    });
    expect(relativeBonus({ views: 300 }, { views: 100 }).points).toBeCloseTo(3, 5);
    expect(relativeBonus({ views: 250 }, { views: 100 })).toEqual({ points: 0, note: '' });
    expect(relativeBonus({ views: 250 }, undefined)).toEqual({ points: 0, note: '' });
  });

  it('lifts a quiet board post that stands out there, within the cap', () => {
    const plain = engagementBonus({ views: 400, comments: 40 });
    const relative = engagementBonus({ views: 400, comments: 40 }, { views: 90, comments: 2 });
    expect(relative.points).toBeGreaterThan(plain.points);
    expect(relative.points).toBeLessThanOrEqual(ENGAGEMENT_CAP);
    expect(relative.summary).toBe("400 views, 40 comments; 20× the source's usual comments");
  });

  it("takes a source's median only when enough posts give the count", () => {
    const posts = [3, 1, 40, 2, 5].map((comments) => ({ metrics: { comments, views: comments * 10 } }));
    expect(sourceBaseline(posts)).toEqual({ comments: 3, views: 30 });
    expect(sourceBaseline(posts.slice(0, 4))).toEqual({});
    expect(sourceBaseline([...posts, { metrics: { comments: 4 } }])).toEqual({ comments: 3.5, views: 30 });
  });
});
