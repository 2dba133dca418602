import type { Lang } from '../post.js';
import { FEATURE_BUCKETS, featureBuckets } from './complaint-features.js';
import { COMPLAINT_WEIGHTS } from './complaint-weights.js';
import { normalizeText } from './normalize.js';

/**
 * A logistic-regression model over hashed features: one weight per bucket and a bias. Stored packed:
 * weights quantized to whole multiples of `scale` in −127…127, as bytes where 0x80 starts a run of zeros
 * (its length follows as a little-endian base-128 varint), then base64.
 */
export interface PackedModel {
  bias: number;
  scale: number;
  weights: string;
}

export interface ComplaintModel {
  bias: number;
  /** FEATURE_BUCKETS weights, already multiplied by the scale. */
  weights: Float32Array;
}

const ZERO_RUN = 0x80;

/** Quantizes and packs weights; `weights.length` must be FEATURE_BUCKETS. */
export function packModel(weights: ArrayLike<number>, bias: number): PackedModel {
  let max = 0;
  for (let i = 0; i < weights.length; i += 1) max = Math.max(max, Math.abs(weights[i] as number));
  const scale = max > 0 ? max / 127 : 1;
  const bytes: number[] = [];
  let zeros = 0;
  const flushZeros = () => {
    if (zeros === 0) return;
    bytes.push(ZERO_RUN);
    let n = zeros;
    while (n >= 0x80) {
      bytes.push((n & 0x7f) | 0x80);
      n >>>= 7;
    }
    bytes.push(n);
    zeros = 0;
  };
  for (let i = 0; i < weights.length; i += 1) {
    const q = Math.round((weights[i] as number) / scale);
    if (q === 0) {
      zeros += 1;
      continue;
    }
    flushZeros();
    bytes.push(q & 0xff);
  }
  flushZeros();
  return {
    bias: Number(bias.toFixed(6)),
    scale: Number(scale.toPrecision(8)),
    weights: Buffer.from(bytes).toString('base64'),
  };
}

/** Unpacks a model written by packModel. Throws when the data does not fill the table exactly. */
export function unpackModel(packed: PackedModel): ComplaintModel {
  const bytes = Buffer.from(packed.weights, 'base64');
  const weights = new Float32Array(FEATURE_BUCKETS);
  let at = 0;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i++] as number;
    if (b !== ZERO_RUN) {
      if (at >= weights.length) break;
      weights[at++] = ((b << 24) >> 24) * packed.scale;
      continue;
    }
    let run = 0;
    let shift = 0;
    for (;;) {
      const v = bytes[i++] as number;
      run += (v & 0x7f) * 2 ** shift;
      shift += 7;
      if (v < 0x80 || i >= bytes.length) break;
    }
    at += run;
  }
  if (at !== weights.length) throw new Error(`complaint model has ${at} weights, expected ${weights.length}`);
  return { bias: packed.bias, weights };
}

/**
 * Probability (0–1) that a normalized text reads as a complaint, under `model`. Features are counted once
 * per occurrence and the sum is divided by the square root of their number, so length alone moves little.
 */
export function predictNormalized(model: ComplaintModel, normalized: string, lang: Lang): number {
  const buckets = featureBuckets(normalized, lang);
  if (buckets.length === 0) return 1 / (1 + Math.exp(-model.bias));
  const { weights } = model;
  let sum = 0;
  for (let i = 0; i < buckets.length; i += 1) sum += weights[buckets[i] as number] as number;
  const z = model.bias + sum / Math.sqrt(buckets.length);
  return 1 / (1 + Math.exp(-z));
}

let models: Partial<Record<Lang, ComplaintModel>> = {};

function builtIn(lang: Lang): ComplaintModel {
  let model = models[lang];
  if (!model) {
    model = unpackModel(COMPLAINT_WEIGHTS[lang]);
    models = { ...models, [lang]: model };
  }
  return model;
}

/**
 * Probability (0–1) that `text` is a complaint or an unhappy customer's post, from the built-in model for
 * `lang` (Korean: shopping reviews; English: posts addressed to brands). Tone only: it knows nothing of
 * crisis categories. Texts are normalized here; pass `normalized: true` when they already are.
 */
export function complaintProbability(text: string, lang: Lang, normalized = false): number {
  return predictNormalized(builtIn(lang), normalized ? text : normalizeText(text), lang);
}
