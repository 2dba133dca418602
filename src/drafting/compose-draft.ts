import { CHANNEL_LIMITS, replyLength } from '../core/draft/channel.js';
import { type Draft, type DraftContext, type DraftSubject, draftReply } from '../core/draft/draft-reply.js';
import { checkTone, type ToneFinding } from '../core/draft/tone-check.js';
import { signOff } from '../core/draft/voice.js';
import { guessLang } from '../core/post.js';
import type { Personaliser } from './model-personaliser.js';

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

/** Why a model's rewrite cannot replace the template, or undefined when it can. */
function rejectRewrite(text: string, template: ComposedDraft, sign: string): string | undefined {
  if (text.length < 20) return 'the answer was empty';
  if (guessLang(text) !== template.lang)
    return `the answer was not in ${template.lang === 'ko' ? 'Korean' : 'English'}`;
  if (replyLength(text, template.channel) > CHANNEL_LIMITS[template.channel])
    return `the answer was too long for ${template.channel}`;
  if (!text.includes(sign)) return 'the answer dropped the sign-off';
  if (!text.includes(template.promised)) return `the answer dropped the promised date (${template.promised})`;
  if (/<[!@#]|<https?:|@(channel|here|everyone)\b/i.test(text)) return 'the answer contained chat markup';
  const linksIn = (s: string) => new Set(s.match(/https?:\/\/\S+/g) ?? []);
  const templateLinks = linksIn(template.text);
  if ([...linksIn(text)].some((link) => !templateLinks.has(link))) return 'the answer added a link';
  const findings = checkTone(text, { lang: template.lang, channel: template.channel });
  if (findings.length > 0) return `the tone check found ${findings.map((f) => f.rule).join(', ')}`;
  return undefined;
}

/**
 * The template draft, personalised by the model when one is configured. The model's text is used only when
 * it keeps the language, length, sign-off and links, and passes the tone check clean; otherwise (including a
 * timeout or a garbage answer) the template draft is returned with `modelNote` saying why.
 */
export async function composeDraft(
  subject: DraftSubject,
  context: DraftContext,
  personalise?: Personaliser,
): Promise<ComposedDraft> {
  const template = composeTemplateDraft(subject, context);
  if (!personalise) return template;
  const sign = signOff(context.voice, template.lang);
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
