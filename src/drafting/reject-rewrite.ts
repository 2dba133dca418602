import { CHANNEL_LIMITS, type Channel, replyLength } from '../core/draft/channel.js';
import { checkTone } from '../core/draft/tone-check.js';
import { guessLang, type Lang } from '../core/post.js';

/** The template draft a model rewrote: what the rewrite is held against. */
export interface RewriteTemplate {
  lang: Lang;
  channel: Channel;
  text: string;
  promised: string;
}

/**
 * Characters a reply never needs and that can hide or reorder what the agent reads: C0 controls other than
 * tab and newline, DEL and C1 controls, soft hyphen, zero-width characters and marks, bidi embeddings,
 * overrides and isolates, line and paragraph separators, invisible operators and the byte-order mark.
 */
const INVISIBLE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb]/u;

/**
 * Slack markup: a mention or a command (`<!channel>`, `<@U1>`, `<#C1>`), any `<` opening a word (`<http…>`,
 * `<mailto:…>`, `<tel:…>`), a labelled link `<…|…>`, or a bare @channel / @here / @everyone.
 */
const CHAT_MARKUP = /<[\p{L}!@#]|<[^<>\n]*\|[^<>\n]*>|@(?:channel|here|everyone)\b/iu;

/** Separators a browser reads as the dot of a domain name. */
const DOT = '[.\u3002\uff0e\uff61]';
const LABEL = '[\\p{L}\\p{N}](?:[\\p{L}\\p{N}_-]*[\\p{L}\\p{N}])?';
/** A top-level domain: Latin letters (a Korean particle may follow: "hanbit.example로"), punycode, or Hangul. */
const TLD = '(?:[a-z]{2,}(?![a-z0-9_-])|xn--[a-z0-9-]+|한국|닷컴|닷넷)';
const DOMAIN = `(?:${LABEL}${DOT})+${TLD}`;
/** What may follow a host in a link: ASCII that is not a space or angle bracket. */
const URL_CHARS = '[\\x21-\\x3b\\x3d\\x3f-\\x7e]';
/** A URL with a scheme, an email address, or a bare domain with an optional port and path. */
const LINK = new RegExp(
  `[a-z][a-z0-9+.-]*:\\/\\/${URL_CHARS}*|[\\p{L}\\p{N}._%+-]+@${DOMAIN}|${DOMAIN}(?::\\d+)?(?:[/?#]${URL_CHARS}*)?`,
  'giu',
);

/** A run of digits with its thousands and decimal separators ("5,000", "1.5", "1588"). */
const NUMBER = /\p{Nd}+(?:[.,]\p{Nd}+)*/gu;

/** A sum of money, in figures or in words: "$", "₩", "KRW", "dollars", "100만원", "백만 원", … */
const MONEY =
  /[$€£¥₩]\s*\p{Nd}[\p{Nd},.]*|[$€£¥₩]|\b(?:usd|krw|eur|jpy|dollars?|bucks|euros?|pounds? sterling)\b|(?:\p{Nd}[\p{Nd},.]*\s*|[일이삼사오육칠팔구]?\s*[십백천만억]\s*)+원(?![인래하활본칙만망])/giu;

/** Letters by script, for the language check. */
const LETTER = /\p{L}/u;
const HANGUL = /\p{Script=Hangul}/u;
const LATIN = /\p{Script=Latin}/u;
const EAST_ASIAN = /[\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;
/** At least this share of a Korean answer's letters is Hangul. */
const MIN_HANGUL_SHARE = 0.6;
/** At least this share of an English answer's letters is Latin. */
const MIN_LATIN_SHARE = 0.9;

/** `text` with full-width and compatibility forms folded, so "ＨＴＴＰＳ" and "１００" are seen as what they read. */
function folded(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** A link as compared with the template's: no scheme, no "www.", no trailing punctuation or slash. */
function linkKey(link: string): string {
  return link
    .replace(/[\u3002\uff0e\uff61]/g, '.')
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .replace(/^www\./, '')
    .replace(/[.,;:!?'")\]}>/]+$/, '');
}

function linksIn(text: string): Map<string, string> {
  return new Map(Array.from(folded(text).matchAll(LINK), ([link]) => [linkKey(link), link]));
}

function numbersIn(text: string): Map<string, string> {
  return new Map(Array.from(folded(text).matchAll(NUMBER), ([n]) => [n.replace(/,/g, ''), n]));
}

function moneyIn(text: string): Set<string> {
  return new Set(Array.from(folded(text).matchAll(MONEY), ([m]) => m.replace(/\s+/g, '')));
}

/** What is in `text` and not in `template`, or undefined. */
function added<T>(
  text: Map<string, T> | Set<string>,
  template: Map<string, T> | Set<string>,
): string | undefined {
  for (const [key, shown] of text.entries()) if (!template.has(key)) return String(shown);
  return undefined;
}

/** Words of `text` stripped of the punctuation around them. */
function wordsOf(text: string): string[] {
  return text
    .split(/\s+/)
    .map((word) => word.replace(/^[^\p{L}\p{N}@]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter(Boolean);
}

interface LetterCount {
  letters: number;
  hangul: number;
  latin: number;
  eastAsian: number;
}

/**
 * Letters of `text` by script. Words also in the template that hold no letter of the target script (the
 * company's name, a Latin kakao handle or email in a Korean reply, a Hangul sign-off in an English one) are
 * left out, so a faithful rewrite is never judged by the template's own names.
 */
function countLetters(text: string, lang: Lang, templateWords: ReadonlySet<string>): LetterCount {
  const target = lang === 'ko' ? HANGUL : LATIN;
  const count: LetterCount = { letters: 0, hangul: 0, latin: 0, eastAsian: 0 };
  for (const word of wordsOf(text)) {
    const chars = [...word];
    if (templateWords.has(word) && !chars.some((c) => target.test(c))) continue;
    for (const char of chars) {
      if (!LETTER.test(char)) continue;
      count.letters += 1;
      if (HANGUL.test(char)) count.hangul += 1;
      if (LATIN.test(char)) count.latin += 1;
      if (EAST_ASIAN.test(char)) count.eastAsian += 1;
    }
  }
  return count;
}

/**
 * Whether the answer is in the template's language: Korean when Hangul is the clear majority of its
 * letters; English when nearly all its letters are Latin and no sentence is mostly Hangul, kana or Han.
 */
function inLanguage(text: string, template: RewriteTemplate, sign: string): boolean {
  if (guessLang(text) !== template.lang) return false;
  const templateWords = new Set(wordsOf(`${template.text} ${sign}`));
  const body = text.split(sign).join(' ');
  const count = countLetters(body, template.lang, templateWords);
  if (count.letters === 0) return false;
  // A template that is itself below the bar (a short reply signed with a long foreign name) sets the bar.
  const own = countLetters(template.text.split(sign).join(' '), template.lang, new Set());
  if (template.lang === 'ko') {
    const need = Math.min(MIN_HANGUL_SHARE, own.letters ? own.hangul / own.letters : 1);
    return count.hangul / count.letters >= need;
  }
  const need = Math.min(MIN_LATIN_SHARE, own.letters ? own.latin / own.letters : 1);
  if (count.latin / count.letters < need) return false;
  return body.split(/[.!?\n\u3002\uff01\uff1f]+/).every((sentence) => {
    const s = countLetters(sentence, 'en', templateWords);
    return s.eastAsian < 2 || s.eastAsian <= s.latin;
  });
}

/**
 * Why a model's rewrite of `template` cannot replace it, or undefined when it can. The answer is untrusted:
 * it must be in the template's language and fit the channel, keep the sign-off and the promised date, and
 * add no invisible characters, chat markup, links or domains, pass the tone check clean, and add no numbers or
 * sums of money that the template does not have (a promise the company did not make).
 */
export function rejectRewrite(text: string, template: RewriteTemplate, sign: string): string | undefined {
  if (text.length < 20) return 'the answer was empty';
  if (INVISIBLE.test(text)) return 'the answer contained invisible or control characters';
  if (!inLanguage(text, template, sign))
    return `the answer was not in ${template.lang === 'ko' ? 'Korean' : 'English'}`;
  if (replyLength(text, template.channel) > CHANNEL_LIMITS[template.channel])
    return `the answer was too long for ${template.channel}`;
  if (!text.includes(sign)) return 'the answer dropped the sign-off';
  if (!text.includes(template.promised)) return `the answer dropped the promised date (${template.promised})`;
  if (CHAT_MARKUP.test(text)) return 'the answer contained chat markup';
  // The link itself is not repeated: the reason is shown to the agent, and a hostile link should not be.
  if (added(linksIn(text), linksIn(template.text)) !== undefined) return 'the answer added a link';
  const findings = checkTone(text, { lang: template.lang, channel: template.channel });
  if (findings.length > 0) return `the tone check found ${findings.map((f) => f.rule).join(', ')}`;
  const money = added(moneyIn(text), moneyIn(template.text));
  if (money) return `the answer added a sum of money (${money})`;
  const number = added(numbersIn(text), numbersIn(template.text));
  if (number) return `the answer added a number (${number})`;
  return undefined;
}
