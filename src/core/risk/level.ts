import { type Category, LEVELS, type Level } from '../../config/schema.js';

/** Lowest score of each level: none <20, low 20–39, medium 40–59, high 60–79, critical ≥80. */
export const LEVEL_FLOORS: Readonly<Record<Level, number>> = {
  none: 0,
  low: 20,
  medium: 40,
  high: 60,
  critical: 80,
};

/** The level of a 0–100 score. Monotonic: a higher score never gives a lower level. */
export function levelFor(score: number): Level {
  if (score >= LEVEL_FLOORS.critical) return 'critical';
  if (score >= LEVEL_FLOORS.high) return 'high';
  if (score >= LEVEL_FLOORS.medium) return 'medium';
  if (score >= LEVEL_FLOORS.low) return 'low';
  return 'none';
}

/** True when `level` is at or above `threshold` in none < low < medium < high < critical. */
export function levelAtLeast(level: Level, threshold: Level): boolean {
  return LEVELS.indexOf(level) >= LEVELS.indexOf(threshold);
}

/**
 * Crisis categories from most to least severe; breaks ties when two categories add the same to a score.
 * `other` (general negativity) comes last and is only reported when nothing more specific was found.
 */
export const SEVERITY_ORDER: readonly Exclude<Category, 'none'>[] = [
  'safety',
  'contamination',
  'data_breach',
  'legal',
  'discrimination',
  'boycott',
  'astroturfing',
  'false_advertising',
  'refund_billing',
  'outage',
  'rude_service',
  'defect',
  'delivery',
  'other',
];
