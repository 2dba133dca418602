import { FEATURE_BUCKETS } from '../core/risk/complaint-features.js';

/** One training example: its feature buckets (with repeats, as featureBuckets returns them) and label. */
export interface TrainExample {
  buckets: Int32Array;
  label: 0 | 1;
}

export interface TrainOptions {
  /** Passes over the data. */
  epochs: number;
  /** AdaGrad base step size. */
  rate: number;
  /** L2 penalty per update on the weights an example touches. */
  l2: number;
  /** Seed of the shuffle, so the same data and options give the same weights. */
  seed: number;
  /**
   * Naive-Bayes log-count ratios as feature scales (NB-LR): a bucket seen mostly in complaints starts out
   * stronger. The ratios are folded into the stored weights, so prediction is unchanged. Smoothing α.
   */
  nbAlpha?: number;
}

export interface TrainedModel {
  weights: Float64Array;
  bias: number;
}

/** mulberry32: a small deterministic generator, 0 ≤ x < 1. */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Logistic regression by AdaGrad SGD, features scaled by 1/√(number of features) as at prediction time.
 * Deterministic: the example order comes from `seed` only.
 */
export function trainLogistic(examples: readonly TrainExample[], options: TrainOptions): TrainedModel {
  const weights = new Float64Array(FEATURE_BUCKETS);
  const squares = new Float64Array(FEATURE_BUCKETS);
  let bias = 0;
  let biasSquares = 0;
  const random = createRandom(options.seed);
  const ratios = options.nbAlpha === undefined ? undefined : logCountRatios(examples, options.nbAlpha);
  const order = examples.map((_, i) => i);
  for (let epoch = 0; epoch < options.epochs; epoch += 1) {
    for (let i = order.length - 1; i > 0; i -= 1) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    for (const index of order) {
      const { buckets, label } = examples[index] as TrainExample;
      if (buckets.length === 0) continue;
      const x = 1 / Math.sqrt(buckets.length);
      let sum = 0;
      for (let k = 0; k < buckets.length; k += 1) {
        const b = buckets[k] as number;
        sum += (weights[b] as number) * (ratios ? (ratios[b] as number) : 1);
      }
      const p = 1 / (1 + Math.exp(-(bias + sum * x)));
      const g = p - label;
      for (let k = 0; k < buckets.length; k += 1) {
        const b = buckets[k] as number;
        const w = weights[b] as number;
        const grad = g * x * (ratios ? (ratios[b] as number) : 1) + options.l2 * w;
        const s = (squares[b] as number) + grad * grad;
        squares[b] = s;
        weights[b] = w - (options.rate * grad) / Math.sqrt(s + 1e-8);
      }
      biasSquares += g * g;
      bias -= (options.rate * g) / Math.sqrt(biasSquares + 1e-8);
    }
  }
  if (ratios)
    for (let b = 0; b < weights.length; b += 1) weights[b] = (weights[b] as number) * (ratios[b] as number);
  return { weights, bias };
}

/** log((p_b / |p|) / (q_b / |q|)) with p, q the smoothed bucket counts of complaints and the rest. */
function logCountRatios(examples: readonly TrainExample[], alpha: number): Float64Array {
  const pos = new Float64Array(FEATURE_BUCKETS).fill(alpha);
  const neg = new Float64Array(FEATURE_BUCKETS).fill(alpha);
  for (const { buckets, label } of examples) {
    const counts = label === 1 ? pos : neg;
    for (const b of new Set(buckets)) counts[b] = (counts[b] as number) + 1;
  }
  let posSum = 0;
  let negSum = 0;
  for (let b = 0; b < FEATURE_BUCKETS; b += 1) {
    posSum += pos[b] as number;
    negSum += neg[b] as number;
  }
  const ratios = new Float64Array(FEATURE_BUCKETS);
  for (let b = 0; b < FEATURE_BUCKETS; b += 1) {
    ratios[b] = Math.log((pos[b] as number) / posSum / ((neg[b] as number) / negSum));
  }
  return ratios;
}
