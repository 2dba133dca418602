import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Lang } from '../core/post.js';
import { BotError } from '../errors.js';

/** One labeled post: `label` 1 = complaint or negative customer post, 0 = not. */
export interface LabeledPost {
  id: string;
  lang: Lang;
  text: string;
  label: 0 | 1;
  /** Star rating, for review sets that have one. */
  stars?: number;
}

export type Split = 'dev' | 'test';

/** The labeled sets measured, by file name stem; each has a `.dev.jsonl` and a `.test.jsonl`. */
export const EVAL_SETS = ['complaints_en', 'naver_shopping_ko'] as const;
export type EvalSet = (typeof EVAL_SETS)[number];

/** Where the labeled data lives by default: `../shared/data` beside the repository. */
export function defaultDataDir(): string {
  return resolve(fileURLToPath(new URL('../../', import.meta.url)), '../shared/data');
}

/** Throws BotError `ERR_EVAL_DATA` when the folder is missing, naming it and what needs it. */
export function checkDataDir(dir: string): void {
  if (!existsSync(dir)) {
    throw new BotError(
      'ERR_EVAL_DATA',
      `npm run eval needs ../shared/data; the test suite does not. No folder at ${dir} (set BULSSI_EVAL_DATA or pass --data DIR to use another).`,
    );
  }
}

/**
 * Reads `<dir>/<set>.<split>.jsonl`. Lines without a string `text` and a 0/1 `label` are an error naming
 * the file and line; blank lines are skipped.
 */
export function readLabeled(dir: string, set: string, split: Split): LabeledPost[] {
  const file = join(dir, `${set}.${split}.jsonl`);
  if (!existsSync(file)) throw new BotError('ERR_EVAL_DATA', `missing ${file}`);
  const rows: LabeledPost[] = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, index) => {
      if (line.trim() === '') return;
      let row: Record<string, unknown>;
      try {
        row = JSON.parse(line) as Record<string, unknown>;
      } catch {
        throw new BotError('ERR_EVAL_DATA', `${file}:${index + 1}: not valid JSON`);
      }
      const { text, label, lang, stars, id } = row;
      if (typeof text !== 'string' || (label !== 0 && label !== 1)) {
        throw new BotError(
          'ERR_EVAL_DATA',
          `${file}:${index + 1}: needs "text" (string) and "label" (0 or 1)`,
        );
      }
      const post: LabeledPost = {
        id: typeof id === 'string' ? id : String(index + 1),
        lang: lang === 'ko' ? 'ko' : 'en',
        text,
        label,
      };
      if (typeof stars === 'number') post.stars = stars;
      rows.push(post);
    });
  return rows;
}
