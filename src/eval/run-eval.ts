import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { complaintProbability } from '../core/risk/complaint-model.js';
import { levelAtLeast } from '../core/risk/level.js';
import { normalizeText } from '../core/risk/normalize.js';
import { createScorer } from '../core/risk/score.js';
import { BotError } from '../errors.js';
import {
  checkDataDir,
  defaultDataDir,
  EVAL_SETS,
  type LabeledPost,
  readLabeled,
  type Split,
} from './dataset.js';
import {
  type ClassifierResult,
  type Classifier,
  evaluateClassifier,
  formatByStars,
  formatResults,
} from './evaluate.js';
import { bestThreshold, crossValidate, TRAINING } from './train-complaint-model.js';

/**
 * `npm run eval`: measures how well Bulssi tells a complaint from ordinary talk on the labeled sets in
 * ../shared/data (test splits; `--dev` for the dev splits the model and thresholds were chosen on), beside
 * the English sentiment baselines on npm and the published figures.
 *
 * A post counts as a complaint when the scorer rates it level low or above (score ≥ 20), with no
 * engagement counts: the text alone decides.
 */

/** VADER compound score at or below which a post counts as negative (the VADER authors' own cut-off). */
export const VADER_THRESHOLD = -0.05;

export interface SetReport {
  set: string;
  split: Split;
  posts: number;
  complaints: number;
  results: ClassifierResult[];
  /** Baselines that could not be loaded, with why. */
  missing: string[];
  /** Judged on the test split's Bulssi row, or on a dev split's cross-validated row. */
  target: { metric: 'f1' | 'macroF1'; value: number; met: boolean; beatsBaselines: boolean };
}

const PUBLISHED: Readonly<Record<string, readonly string[]>> = {
  complaints_en: [
    'ACL 2019 (Preoțiuc-Pietro, Găman & Aletras), distant supervision: macro F1 0.79',
    'COLING 2020 (Jin & Aletras), transformers: macro F1 0.87',
    'NAACL 2021 (Jin & Aletras), multi-task learning: macro F1 0.882',
    '"not complaint" for every post: macro F1 0.391',
  ],
  naver_shopping_ko: ['no peer-reviewed binary baseline; 1–2 stars = complaint, 4–5 = not'],
};

/** Targets on the test splits: macro F1 for the English set, F1 of label 1 for the Korean one. */
const TARGETS: Readonly<Record<string, { metric: 'f1' | 'macroF1'; value: number }>> = {
  complaints_en: { metric: 'macroF1', value: 0.8 },
  naver_shopping_ko: { metric: 'f1', value: 0.85 },
};

interface Baseline {
  name: string;
  classify?: Classifier;
  missing?: string;
}

function loadBaselines(): Baseline[] {
  const require = createRequire(import.meta.url);
  const baselines: Baseline[] = [];
  const vaderName = `vader-sentiment (compound < ${VADER_THRESHOLD})`;
  try {
    const vader = require('vader-sentiment') as {
      SentimentIntensityAnalyzer: { polarity_scores(text: string): { compound: number } };
    };
    baselines.push({
      name: vaderName,
      classify: (p) => vader.SentimentIntensityAnalyzer.polarity_scores(p.text).compound < VADER_THRESHOLD,
    });
  } catch {
    baselines.push({ name: vaderName, missing: 'not installed (npm install -D vader-sentiment)' });
  }
  const afinnName = 'sentiment, AFINN (score < 0)';
  try {
    const Sentiment = require('sentiment') as new () => { analyze(text: string): { score: number } };
    const sentiment = new Sentiment();
    baselines.push({ name: afinnName, classify: (p) => sentiment.analyze(p.text).score < 0 });
  } catch {
    baselines.push({ name: afinnName, missing: 'not installed (npm install -D sentiment)' });
  }
  return baselines;
}

/**
 * On a dev split the built-in model has seen every post, so its figures flatter it. This row refits the
 * model five times, each time scoring the fifth of the posts it did not learn from, as `npm run train` does
 * to choose the decision threshold.
 */
function crossValidated(set: string, posts: readonly LabeledPost[]): ClassifierResult {
  const lang = (['ko', 'en'] as const).find((l) => TRAINING[l].set === set) ?? 'en';
  const { options, target } = TRAINING[lang];
  const oof = crossValidate(posts, lang, options);
  const { threshold } = bestThreshold(
    posts.map((p) => p.label),
    oof,
    target,
  );
  const shift = Math.log((1 - threshold) / threshold);
  const byText = new Map(posts.map((p, i) => [normalizeText(p.text), oof[i] as number]));
  const scorer = createScorer({
    complaintProbability: (text) => {
      const p = byText.get(text);
      return p === undefined ? 0 : 1 / (1 + Math.exp(-(Math.log(p / (1 - p)) + shift)));
    },
  });
  return evaluateClassifier('Bulssi, model 5-fold cross-validated', posts, (p) =>
    levelAtLeast(scorer({ text: p.text, lang: p.lang }).level, 'low'),
  );
}

/** Scores every set of `dataDir` for `split`. Throws BotError `ERR_EVAL_DATA` when the data is missing. */
export function runEval(dataDir: string, split: Split): SetReport[] {
  checkDataDir(dataDir);
  const scorer = createScorer();
  const lexiconOnly = createScorer({ complaintProbability: () => 0 });
  const bulssi: Classifier = (p) => levelAtLeast(scorer({ text: p.text, lang: p.lang }).level, 'low');
  const baselines = loadBaselines();
  return EVAL_SETS.map((set) => {
    const posts: LabeledPost[] = readLabeled(dataDir, set, split);
    const ours = evaluateClassifier(
      `Bulssi (level ≥ low)${split === 'dev' ? ', in-sample' : ''}`,
      posts,
      bulssi,
    );
    const fair = split === 'dev' ? crossValidated(set, posts) : ours;
    const results = [
      ours,
      ...(fair === ours ? [] : [fair]),
      evaluateClassifier('  lexicon alone', posts, (p) =>
        levelAtLeast(lexiconOnly({ text: p.text, lang: p.lang }).level, 'low'),
      ),
      evaluateClassifier(
        `  complaint model alone (p ≥ 0.5)${split === 'dev' ? ', in-sample' : ''}`,
        posts,
        (p) => complaintProbability(p.text, p.lang) >= 0.5,
      ),
    ];
    const others: ClassifierResult[] = [];
    for (const b of baselines) if (b.classify) others.push(evaluateClassifier(b.name, posts, b.classify));
    const { metric, value } = TARGETS[set] ?? { metric: 'f1', value: 0 };
    return {
      set,
      split,
      posts: posts.length,
      complaints: posts.filter((p) => p.label === 1).length,
      results: [...results, ...others],
      missing: baselines.filter((b) => b.missing).map((b) => `${b.name}: ${b.missing}`),
      target: {
        metric,
        value,
        met: fair.metrics[metric] >= value,
        beatsBaselines: others.every((o) => fair.metrics[metric] > o.metrics[metric]),
      },
    };
  });
}

/** The report as printed by `npm run eval`. */
export function formatReport(reports: readonly SetReport[]): string {
  const blocks = reports.map((r) => {
    const lines = [
      `${r.set} (${r.split}: ${r.posts.toLocaleString('en-US')} posts, ${((100 * r.complaints) / Math.max(1, r.posts)).toFixed(1)}% complaints)`,
      formatResults(r.results),
    ];
    for (const m of r.missing) lines.push(`  ${m}`);
    const ours = r.results[0];
    if (ours && ours.byStars.length > 0)
      lines.push(`  Bulssi, share called a complaint by stars: ${formatByStars(ours.byStars)}`);
    for (const p of PUBLISHED[r.set] ?? []) lines.push(`  published: ${p}`);
    const name = r.target.metric === 'macroF1' ? 'macro F1' : 'F1';
    lines.push(
      `  target ${name} ≥ ${r.target.value.toFixed(2)}${r.split === 'test' ? '' : ' (set for test; cross-validated row)'}: ${r.target.met ? 'met' : 'not met'}; ` +
        `above every npm baseline: ${r.target.beatsBaselines ? 'yes' : 'no'}`,
    );
    return lines.join('\n');
  });
  return `${blocks.join('\n\n')}\n`;
}

const HELP = `Usage: npm run eval [-- --dev] [-- --data DIR]

Scores the labeled sets in ../shared/data (test splits) and prints precision, recall and F1 for complaints,
macro F1, and by star rating for the review set, beside the npm sentiment baselines and published figures.
  --dev        use the dev splits (the ones the model and thresholds were chosen on)
  --data DIR   read the sets from DIR (default ../shared/data beside the repository, or BULSSI_EVAL_DATA)`;

/** Entry point; resolves to the exit code. */
export function main(argv: string[], env: Readonly<Record<string, string | undefined>>): number {
  let values: { dev?: boolean; data?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { dev: { type: 'boolean' }, data: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    }));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${HELP}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  try {
    const reports = runEval(
      values.data ?? env.BULSSI_EVAL_DATA ?? defaultDataDir(),
      values.dev ? 'dev' : 'test',
    );
    process.stdout.write(formatReport(reports));
    return 0;
  } catch (error) {
    if (!(error instanceof BotError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 1;
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url))
  process.exitCode = main(process.argv.slice(2), process.env);
