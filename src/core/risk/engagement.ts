import type { Metrics } from '../post.js';

/** Most points engagement can add to a score. */
export const ENGAGEMENT_CAP = 20;

export interface EngagementBonus {
  /** Points before any cap other than ENGAGEMENT_CAP; 0 when there are no counts. */
  points: number;
  /** e.g. "1,240 views, 85 comments"; empty when there are no counts. */
  summary: string;
}

function count(n: number | undefined): number {
  return n !== undefined && Number.isFinite(n) && n > 0 ? n : 0;
}

/** 1240 → "1,240", independent of the host locale. */
export function formatCount(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * How far a post has travelled, on a log scale so the first hundred comments matter more than the next
 * thousand. Views only count past 100 (every post gets a few). Shares weigh most: they are the spread itself.
 * Roughly: 1,000 views +4, 10,000 views +8; 10 comments +5, 100 comments +10; 10 shares +6.
 */
export function engagementBonus(metrics: Metrics | undefined): EngagementBonus {
  if (!metrics) return { points: 0, summary: '' };
  const views = count(metrics.views);
  const comments = count(metrics.comments);
  const likes = count(metrics.likes);
  const shares = count(metrics.shares);
  const raw =
    (views > 100 ? 4 * Math.log10(views / 100) : 0) +
    5 * Math.log10(1 + comments) +
    2 * Math.log10(1 + likes) +
    6 * Math.log10(1 + shares);
  const parts: string[] = [];
  if (views > 0) parts.push(`${formatCount(views)} views`);
  if (comments > 0) parts.push(`${formatCount(comments)} comments`);
  if (likes > 0) parts.push(`${formatCount(likes)} likes`);
  if (shares > 0) parts.push(`${formatCount(shares)} shares`);
  return { points: Math.min(ENGAGEMENT_CAP, raw), summary: parts.join(', ') };
}
