import { createInterface } from 'node:readline';
import { z } from 'zod';
import { findConfigFile, loadConfigFile } from '../config/load.js';
import { type Level, LEVELS, levelSchema } from '../config/schema.js';
import { companyTerms } from '../core/risk/company-terms.js';
import { createScorer, type Scorer, scorePost } from '../core/risk/score.js';
import { isAtLeast } from '../core/thread.js';
import { parseCommandArgs, UsageError } from './args.js';
import type { Command } from './command.js';

const count = z.number().finite().nonnegative();
/** One input line. Other fields are ignored. `bulssi draft` takes the same post, extended. */
export const scoreInputSchema = z.object({
  id: z.string(),
  text: z.string(),
  title: z.string().optional(),
  lang: z.enum(['ko', 'en']).optional(),
  source: z.string().optional(),
  metrics: z
    .object({
      views: count.optional(),
      comments: count.optional(),
      likes: count.optional(),
      shares: count.optional(),
    })
    .optional(),
});

function describe(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.length ? i.path.join('.') : 'line'}: ${i.message}`).join('; ');
}

export const scoreCommand: Command = {
  name: 'score',
  summary: 'Score posts from JSON Lines on stdin for crisis risk',
  help: `Usage: bulssi score [--threshold LEVEL] [--config FILE] < posts.jsonl

Reads one post per line:
  {"id": string, "text": string, "title"?: string, "lang"?: "ko"|"en", "source"?: string,
   "metrics"?: {"views"?, "comments"?, "likes"?, "shares"?}}
and writes one line per input line:
  {"id", "score": 0-100, "level": "none|low|medium|high|critical", "risky": boolean,
   "category", "reasons": [string]}
"risky" means level at or above the alert threshold (config alert.threshold, default medium).
A malformed line yields {"line": N, "error": "..."} and the rest go on. Blank lines are skipped.
Works without a config file.

Options:
  --threshold LEVEL   alert threshold for "risky": ${LEVELS.join(', ')}
  --config FILE       read the threshold from this config file
  -h, --help          show this help

Exit status: 0 when every line scored, 2 when any line was malformed (or on a bad command line).`,
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, {
      threshold: { type: 'string' },
      config: { type: 'string', short: 'c' },
    });
    let threshold: Level = 'medium';
    let scorer: Scorer = (input) => scorePost(input);
    const file = findConfigFile(values.config, io.env, io.cwd);
    if (file) {
      const config = loadConfigFile(file, io.env);
      threshold = config.alert.threshold;
      if (config.risk.terms.length > 0)
        scorer = createScorer({ extraTerms: companyTerms(config.risk.terms) });
    }
    if (values.threshold !== undefined) {
      const parsed = levelSchema.safeParse(values.threshold);
      if (!parsed.success) throw new UsageError(`--threshold must be one of ${LEVELS.join(', ')}`);
      threshold = parsed.data;
    }

    const lines = createInterface({ input: io.stdin, crlfDelay: Number.POSITIVE_INFINITY });
    let lineNo = 0;
    let failures = 0;
    let buffer = '';
    const flush = async () => {
      if (!buffer) return;
      const chunk = buffer;
      buffer = '';
      if (!io.stdout.write(chunk)) await new Promise((resolve) => io.stdout.once('drain', resolve));
    };
    for await (const line of lines) {
      lineNo += 1;
      if (line.trim() === '') continue;
      let out: unknown;
      try {
        const parsed = scoreInputSchema.safeParse(JSON.parse(line));
        if (!parsed.success) throw new Error(describe(parsed.error));
        const post = parsed.data;
        const input: Parameters<typeof scorePost>[0] = { text: post.text, metrics: post.metrics ?? {} };
        if (post.title !== undefined) input.title = post.title;
        if (post.lang !== undefined) input.lang = post.lang;
        const risk = scorer(input);
        out = {
          id: post.id,
          score: risk.score,
          level: risk.level,
          risky: isAtLeast(risk.level, threshold),
          category: risk.category,
          reasons: risk.reasons,
        };
      } catch (error) {
        failures += 1;
        const message =
          error instanceof SyntaxError ? `not valid JSON: ${error.message}` : (error as Error).message;
        out = { line: lineNo, error: message };
      }
      buffer += `${JSON.stringify(out)}\n`;
      if (buffer.length > 64 * 1024) await flush();
    }
    await flush();
    return failures > 0 ? 2 : 0;
  },
};
