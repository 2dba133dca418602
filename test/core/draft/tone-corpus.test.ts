import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Channel } from '../../../src/core/draft/channel.js';
import { checkTone } from '../../../src/core/draft/tone-check.js';

/** Replies written the way brand accounts answer on cafés, blogs, X, Reddit and YouTube, labelled by hand. */
interface LabelledReply {
  id: string;
  lang: 'ko' | 'en';
  channel: Channel;
  /** "good", or "bad:<what inflames>". */
  expect: string;
  reply: string;
}

const corpus = JSON.parse(
  readFileSync(new URL('../../fixtures/tone/replies.json', import.meta.url), 'utf8'),
) as LabelledReply[];

/** Rules that count as catching each labelled problem. */
const CAUGHT_BY: Record<string, RegExp> = {
  apology_but: /apology_but$/,
  as_announced: /as_announced$/,
  as_stated: /as_stated$/,
  blame: /blame_customer$|should_have$/,
  canned: /canned(_feedback)?$/,
  conditional: /conditional$/,
  denial: /denial$/,
  legal: /legal_threat$/,
  missing_action: /^missing_action$/,
  misunderstanding: /misunderstanding$/,
  personal_data: /public_personal_data$/,
  policy: /\.policy$/,
  regret: /regret$/,
  rules: /ko\.rules$/,
  too_long: /^too_long$/,
};

describe('tone check on a labelled corpus of replies', () => {
  const good = corpus.filter((r) => r.expect === 'good');
  const bad = corpus.filter((r) => r.expect.startsWith('bad:'));

  it('holds both kinds in both languages', () => {
    for (const lang of ['ko', 'en'])
      for (const set of [good, bad]) expect(set.filter((r) => r.lang === lang).length).toBeGreaterThan(10);
  });

  it.each(good.map((r) => [r.id, r] as const))('passes good reply %s', (_id, r) => {
    expect(checkTone(r.reply, { lang: r.lang, channel: r.channel }), r.reply).toEqual([]);
  });

  it.each(bad.map((r) => [r.id, r] as const))(
    'catches bad reply %s for what it was written to show',
    (_id, r) => {
      const problem = r.expect.slice('bad:'.length);
      const rule = CAUGHT_BY[problem];
      expect(rule, problem).toBeDefined();
      const rules = checkTone(r.reply, { lang: r.lang, channel: r.channel }).map((f) => f.rule);
      expect(
        rules.some((id) => rule?.test(id)),
        `${r.reply}\n→ ${rules.join(', ')}`,
      ).toBe(true);
    },
  );
});
