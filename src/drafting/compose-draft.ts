import { type Draft, type DraftContext, type DraftSubject, draftReply } from '../core/draft/draft-reply.js';
import { checkTone, type ToneFinding } from '../core/draft/tone-check.js';
import { shortSignOff, signOff } from '../core/draft/voice.js';
import type { Personaliser } from './model-personaliser.js';
import { rejectRewrite } from './reject-rewrite.js';

/** A draft with its tone check, and where its wording came from. */
export interface ComposedDraft extends Draft {
  findings: ToneFinding[];
  /** `model` when the endpoint's rewrite was used, `template` otherwise. */
  source: 'template' | 'model';
  /** Why a model rewrite was not used (timeout, garbage, tone findings, …). */
  modelNote?: string;
}

/** The template draft with its tone check: instant, no I/O. */
export function composeTemplateDraft(subject: DraftSubject, context: DraftContext): ComposedDraft {
  const draft = draftReply(subject, context);
  return {
    ...draft,
    findings: checkTone(draft.text, { lang: draft.lang, channel: draft.channel }),
    source: 'template',
  };
}

/**
 * The template draft, personalised by the model when one is configured. The model's text is used only when
 * it keeps the language, length, sign-off and promised date, adds no markup, links, numbers, sums of money or
 * invisible characters, and passes the tone check clean (see `rejectRewrite`); otherwise (including a
 * timeout or a garbage answer) the template draft is returned with `modelNote` saying why.
 */
export async function composeDraft(
  subject: DraftSubject,
  context: DraftContext,
  personalise?: Personaliser,
): Promise<ComposedDraft> {
  const template = composeTemplateDraft(subject, context);
  if (!personalise) return template;
  // The sign-off the template used: the full one, or the company's name alone in a tweet cut to the minimum.
  const full = signOff(context.voice, template.lang);
  const sign = template.text.includes(full) ? full : shortSignOff(context.voice, template.lang);
  let text: string;
  try {
    text = await personalise(subject, template, sign);
  } catch (error) {
    return { ...template, modelNote: (error as Error).message };
  }
  const rejected = rejectRewrite(text, template, sign);
  if (rejected) return { ...template, modelNote: `Model draft not used: ${rejected}.` };
  return { ...template, text, findings: [], source: 'model' };
}
