import { describe, expect, it } from 'vitest';
import { FEATURE_BUCKETS } from '../../src/core/risk/complaint-features.js';
import { predictNormalized, unpackModel, packModel } from '../../src/core/risk/complaint-model.js';
import { createRandom, type TrainExample, trainLogistic } from '../../src/eval/train-logistic.js';

const bucketsOf = (...b: number[]) => Int32Array.from(b);
/** Bucket 1 marks complaints, bucket 2 the rest, bucket 3 is noise in both. */
const examples: TrainExample[] = Array.from({ length: 40 }, (_, i) => ({
  buckets: i % 2 === 0 ? bucketsOf(1, 3) : bucketsOf(2, 3),
  label: i % 2 === 0 ? 1 : 0,
}));
const options = { epochs: 5, rate: 0.1, l2: 1e-5, seed: 7 };

describe('trainLogistic', () => {
  it('gives the same weights for the same data and seed', () => {
    const a = trainLogistic(examples, options);
    const b = trainLogistic(examples, options);
    expect(a.bias).toBe(b.bias);
    expect(a.weights).toEqual(b.weights);
    expect(a.weights.length).toBe(FEATURE_BUCKETS);
  });

  it('learns which buckets mark a complaint', () => {
    const { weights, bias } = trainLogistic(examples, { ...options, nbAlpha: 1 });
    expect(weights[1]).toBeGreaterThan(0);
    expect(weights[2]).toBeLessThan(0);
    expect(Math.abs(weights[3] as number)).toBeLessThan(Math.abs(weights[1] as number));
    const model = unpackModel(packModel(weights, bias));
    expect(model.weights[1]).toBeGreaterThan(0);
    expect(predictNormalized(model, '', 'en')).toBeGreaterThan(0);
  });
});

describe('createRandom', () => {
  it('repeats its sequence for a seed and stays in [0, 1)', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    for (let i = 0; i < 100; i += 1) {
      const x = a();
      expect(x).toBe(b());
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
  });
});
