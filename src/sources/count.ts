/** Multipliers of the units Korean and English sites abbreviate counts with. */
const UNITS: Record<string, number> = {
  천: 1_000,
  만: 10_000,
  억: 100_000_000,
  k: 1_000,
  m: 1_000_000,
  b: 1_000_000_000,
};

const NUMBER = /(\d[\d,]*(?:\.\d+)?)\s*(천|만|억|[kmb](?![a-z]))?/gi;
const KOREAN_UNITS = new Set(['천', '만', '억']);
const THOUSANDS_DOTS = /^\d{1,3}(?:\.\d{3})+$/;

/**
 * The first count in a label as boards print it: "1,234", "조회 1,234", "[12]", "(3)", "1.2만", "3천",
 * "1만 2천", "1.5k", "2.3M". Undefined when the label holds no number ("-", "", "N/A").
 * Counts are whole numbers, so "1.234" without a unit is read as 1234 (dots as thousands separators).
 */
export function parseCount(label: string | undefined): number | undefined {
  if (!label) return undefined;
  let total: number | undefined;
  let previousMultiplier = Number.POSITIVE_INFINITY;
  let end = -1;
  for (const match of label.matchAll(NUMBER)) {
    const digits = match[1] ?? '';
    const unit = match[2]?.toLowerCase();
    const multiplier = unit ? (UNITS[unit] ?? 1) : 1;
    if (total !== undefined) {
      // Only Korean counts chain ("1만 2천", "1만2345"); any other later number belongs to another label.
      const gap = label.slice(end, match.index);
      const chains = unit ? gap.trim() === '' : gap === '';
      if (!chains || multiplier >= previousMultiplier) break;
    }
    const value =
      !unit && THOUSANDS_DOTS.test(digits)
        ? Number(digits.replaceAll('.', ''))
        : Number(digits.replaceAll(',', ''));
    if (!Number.isFinite(value)) break;
    total = (total ?? 0) + value * multiplier;
    previousMultiplier = multiplier;
    end = match.index + match[0].length;
    if (!unit || !KOREAN_UNITS.has(unit)) break;
  }
  return total === undefined ? undefined : Math.round(total);
}
