/** Counts of a binary decision against labels, label 1 being the positive class. */
export interface Confusion {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

export interface BinaryMetrics {
  precision: number;
  recall: number;
  f1: number;
  /** Mean of the F1 of label 1 and the F1 of label 0. */
  macroF1: number;
  accuracy: number;
  n: number;
}

/** Tallies predictions against labels; the arrays must be the same length. */
export function confusionOf(labels: readonly (0 | 1)[], predicted: readonly boolean[]): Confusion {
  if (labels.length !== predicted.length) throw new RangeError('labels and predictions differ in length');
  const c: Confusion = { tp: 0, fp: 0, fn: 0, tn: 0 };
  labels.forEach((label, i) => {
    const p = predicted[i] === true;
    if (label === 1) {
      if (p) c.tp += 1;
      else c.fn += 1;
    } else if (p) c.fp += 1;
    else c.tn += 1;
  });
  return c;
}

/** a / b, or 0 when b is 0 (no predictions of a class count as precision 0, no positives as recall 0). */
const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);
const f1Of = (p: number, r: number) => (p + r === 0 ? 0 : (2 * p * r) / (p + r));

/** Precision, recall and F1 of label 1, macro F1 over both labels, accuracy. All in 0–1. */
export function metricsOf(c: Confusion): BinaryMetrics {
  const precision = ratio(c.tp, c.tp + c.fp);
  const recall = ratio(c.tp, c.tp + c.fn);
  const f1 = f1Of(precision, recall);
  const f1Negative = f1Of(ratio(c.tn, c.tn + c.fn), ratio(c.tn, c.tn + c.fp));
  const n = c.tp + c.fp + c.fn + c.tn;
  return { precision, recall, f1, macroF1: (f1 + f1Negative) / 2, accuracy: ratio(c.tp + c.tn, n), n };
}
