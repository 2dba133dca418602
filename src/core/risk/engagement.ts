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

/** Most extra points for a post far above its source's usual counts. */
export const RELATIVE_CAP = 6;

/**
 * How far a post has travelled, on a log scale so the first hundred comments matter more than the next
 * thousand. Views only count past 100 (every post gets a few). Shares weigh most: they are the spread itself.
 * Roughly: 1,000 views +4, 10,000 views +8; 10 comments +5, 100 comments +10; 10 shares +6.
 */
export function engagementBonus(metrics: Metrics | undefined, baseline?: Metrics): EngagementBonus {
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
  const relative = relativeBonus(metrics, baseline);
  const summary = parts.join(', ') + (relative.note ? `; ${relative.note}` : '');
  return { points: Math.min(ENGAGEMENT_CAP, raw + relative.points), summary };
}

/**
 * A post with three times or more its source's usual views or comments stands out even where the numbers
 * are small (40 comments on a board where posts get 3). `baseline` is the source's median.
 */
export function relativeBonus(
  metrics: Metrics,
  baseline: Metrics | undefined,
): { points: number; note: string } {
  let best = { ratio: 0, what: '' };
  for (const key of ['comments', 'views'] as const) {
    const usual = count(baseline?.[key]);
    const value = count(metrics[key]);
    if (usual <= 0 || value <= 0) continue;
    const ratio = value / usual;
    if (ratio > best.ratio) best = { ratio, what: key };
  }
  if (best.ratio < 3) return { points: 0, note: '' };
  return {
    points: Math.min(RELATIVE_CAP, 3 * Math.log2(best.ratio / 1.5)),
    note: `${best.ratio >= 10 ? Math.round(best.ratio) : best.ratio.toFixed(1)}× the source's usual ${best.what}`,
  };
}

/** The median of each count over a source's posts, when at least `min` posts give it. */
export function sourceBaseline(posts: readonly { metrics: Metrics }[], min = 5): Metrics {
  const baseline: Metrics = {};
  for (const key of ['views', 'comments', 'likes', 'shares'] as const) {
    const values = posts
      .map((p) => p.metrics[key])
      .filter((v): v is number => v !== undefined && Number.isFinite(v))
      .sort((a, b) => a - b);
    if (values.length < min) continue;
    const mid = values.length >> 1;
    baseline[key] =
      values.length % 2
        ? (values[mid] as number)
        : ((values[mid - 1] as number) + (values[mid] as number)) / 2;
  }
  return baseline;
}
