import type { LabeledPost } from './dataset.js';
import { type BinaryMetrics, confusionOf, metricsOf } from './metrics.js';

/** Decides whether one post is a complaint. */
export type Classifier = (post: LabeledPost) => boolean;

export interface StarShare {
  stars: number;
  posts: number;
  /** Share of these posts the classifier called a complaint: recall for 1–2 stars, false alarms for 4–5. */
  flagged: number;
}

export interface ClassifierResult {
  name: string;
  metrics: BinaryMetrics;
  /** Only for sets with star ratings. */
  byStars: StarShare[];
}

/** Runs `classify` over `posts` and measures it against their labels. */
export function evaluateClassifier(
  name: string,
  posts: readonly LabeledPost[],
  classify: Classifier,
): ClassifierResult {
  const predicted = posts.map((p) => classify(p));
  const metrics = metricsOf(
    confusionOf(
      posts.map((p) => p.label),
      predicted,
    ),
  );
  const stars = new Map<number, { posts: number; flagged: number }>();
  posts.forEach((p, i) => {
    if (p.stars === undefined) return;
    const row = stars.get(p.stars) ?? { posts: 0, flagged: 0 };
    row.posts += 1;
    if (predicted[i]) row.flagged += 1;
    stars.set(p.stars, row);
  });
  const byStars = [...stars.entries()]
    .sort(([a], [b]) => a - b)
    .map(([value, row]) => ({ stars: value, posts: row.posts, flagged: row.flagged / row.posts }));
  return { name, metrics, byStars };
}

const pct = (x: number) => x.toFixed(3);

/** A fixed-width table: one row per classifier, precision / recall / F1 of label 1, macro F1, accuracy. */
export function formatResults(results: readonly ClassifierResult[]): string {
  const width = Math.max(10, ...results.map((r) => r.name.length));
  const head = `  ${''.padEnd(width)}  precision  recall     F1  macro F1  accuracy`;
  const rows = results.map(({ name, metrics: m }) =>
    [
      `  ${name.padEnd(width)}`,
      pct(m.precision).padStart(9),
      pct(m.recall).padStart(7),
      pct(m.f1).padStart(6),
      pct(m.macroF1).padStart(9),
      pct(m.accuracy).padStart(9),
    ].join('  '),
  );
  return [head, ...rows].join('\n');
}

/** "1★ 0.962 (n=1,530)  2★ 0.801 (n=4,650) ..." share flagged per star value. */
export function formatByStars(byStars: readonly StarShare[]): string {
  return byStars
    .map((s) => `${s.stars}★ ${pct(s.flagged)} (n=${s.posts.toLocaleString('en-US')})`)
    .join('  ');
}
