import { describe, expect, it } from 'vitest';
import { type Confusion, confusionOf, metricsOf } from '../../src/eval/metrics.js';

describe('confusionOf', () => {
  it('tallies each label and prediction pair', () => {
    expect(confusionOf([1, 1, 0, 0, 1], [true, false, true, false, true])).toEqual({
      tp: 2,
      fn: 1,
      fp: 1,
      tn: 1,
    });
  });

  it('rejects labels and predictions of different lengths', () => {
    expect(() => confusionOf([1, 0], [true])).toThrow(RangeError);
  });
});

describe('metricsOf', () => {
  // biome-ignore format: one case per line reads as a table
  it.each<[string, Confusion, { precision: number; recall: number; f1: number; macroF1: number; accuracy: number }]>([
    ['a perfect classifier', { tp: 5, fp: 0, fn: 0, tn: 5 }, { precision: 1, recall: 1, f1: 1, macroF1: 1, accuracy: 1 }],
    ['one that is always wrong', { tp: 0, fp: 5, fn: 5, tn: 0 }, { precision: 0, recall: 0, f1: 0, macroF1: 0, accuracy: 0 }],
    ['one that never says complaint', { tp: 0, fp: 0, fn: 36, tn: 64 }, { precision: 0, recall: 0, f1: 0, macroF1: (2 * 0.64) / 1.64 / 2, accuracy: 0.64 }],
    ['one that always says complaint', { tp: 50, fp: 50, fn: 0, tn: 0 }, { precision: 0.5, recall: 1, f1: 2 / 3, macroF1: 1 / 3, accuracy: 0.5 }],
    ['a mixed case', { tp: 6, fp: 2, fn: 4, tn: 8 }, { precision: 0.75, recall: 0.6, f1: 2 / 3, macroF1: (2 / 3 + 16 / 22) / 2, accuracy: 0.7 }],
  ])('measures %s', (_name, confusion, expected) => {
    const m = metricsOf(confusion);
    for (const key of Object.keys(expected) as (keyof typeof expected)[]) {
      expect(m[key], key).toBeCloseTo(expected[key], 10);
    }
    expect(m.n).toBe(confusion.tp + confusion.fp + confusion.fn + confusion.tn);
  });

  it('reports zeros rather than NaN for an empty set', () => {
    expect(metricsOf({ tp: 0, fp: 0, fn: 0, tn: 0 })).toEqual({
      precision: 0,
      recall: 0,
      f1: 0,
      macroF1: 0,
      accuracy: 0,
      n: 0,
    });
  });
});
