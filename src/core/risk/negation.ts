/**
 * Negation around a matched term, so "이물질은 없었어요", "불친절하지 않아요", "not rude at all" and
 * "wasn't broken" do not count. Korean negates after the word (없다, 않다, 아니다), with a short stretch of
 * particles and light words in between; English negates before it, within the same clause.
 */

const KO_AFTER = new RegExp(
  '^(?:\\s|[은는이가도을를의]|하지|하진|하|한|할|해|했|지|진|된|되|되지|되진|시키지|스럽지|스럽진|같지|같진|적|일|건|거|것|게|데|점|곳|부분|사람|분|걱정|문제|흔적|나온|생긴|본|보인|난|들어간|있던|있었던|있는|전혀|하나도|아예|별로|딱히|절대|조금도|크게|특별히|그런|따로|같은|느낌)*?' +
    '(?:없|않|아니|안\\s*(?:나|생|보|들|있|났|시키|시켜)|못\\s*(?:느꼈|봤|찾))',
);
const KO_WINDOW = 16;

function isHangul(code: number): boolean {
  return code >= 0xac00 && code <= 0xd7a3;
}

/**
 * The negated phrase (term plus negation) when a Korean term at [start, end) is negated, else undefined.
 * After: 없/않/아니 within a few particles (이물질은 없었, 불친절하지 않). Before: a standalone 안 (안 불친절).
 */
export function negationKo(text: string, start: number, end: number): string | undefined {
  const after = text.slice(end, end + KO_WINDOW);
  const m = KO_AFTER.exec(after);
  if (m) return text.slice(start, end + m[0].length);
  let i = start - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i -= 1;
  if (i >= 0 && text[i] === '안' && (i === 0 || !isHangul(text.charCodeAt(i - 1)))) return text.slice(i, end);
  return undefined;
}

const EN_CLAUSE = /[.,;:!?\n]|\b(?:but|and|however|though|although|yet|because|so)\b/g;
const EN_NEGATOR =
  /(?:\b(?:not|no|never|without|nor|hardly|barely|zero|none|nothing|isnt|wasnt|didnt|dont|doesnt|werent|arent|havent|hasnt|cant|wont|aint|couldnt|wouldnt|shouldnt)\b|n't)((?:\s+[\w'-]+){0,2})\s*$/;
/**
 * Words right after a negator that keep the sentence negative ("not only", "can't believe how", "never so")
 * or start a new clause ("if it isn't fixed I'm going to sue").
 */
const EN_KEEP = new Set([
  'only',
  'just',
  'wonder',
  'doubt',
  'joke',
  'lie',
  'kidding',
  'believe',
  'stand',
  'stop',
  'wait',
  'even',
  'imagine',
  'understand',
  'deal',
  'handle',
  'take',
  'describe',
  'tell',
  'express',
  'say',
  'so',
  'such',
  'more',
  'this',
  'as',
  'ever',
  'too',
  'help',
  'i',
  "i'm",
  'im',
  "i've",
  "i'll",
  'we',
  "we're",
  "we'll",
  'you',
  "you're",
  'they',
  "they're",
  'he',
  'she',
  "it's",
]);
const EN_WINDOW = 48;

/** The negated phrase when an English term starting at `start` is negated in its own clause, else undefined. */
export function negationEn(text: string, start: number, end: number): string | undefined {
  const from = Math.max(0, start - EN_WINDOW);
  const before = text.slice(from, start);
  let clauseStart = 0;
  EN_CLAUSE.lastIndex = 0;
  for (let m = EN_CLAUSE.exec(before); m !== null; m = EN_CLAUSE.exec(before))
    clauseStart = m.index + m[0].length;
  const clause = before.slice(clauseStart);
  const m = EN_NEGATOR.exec(clause);
  if (!m) return undefined;
  const words = (m[1] ?? '').trim().split(/\s+/).filter(Boolean);
  if (words.some((w) => EN_KEEP.has(w))) return undefined;
  return text.slice(from + clauseStart + m.index, end);
}
