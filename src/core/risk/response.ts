import type { Category, Level } from '../../config/schema.js';
import type { Stage } from './stage.js';

/**
 * The kind of answer a thread calls for, after the US Air Force web-posting response assessment adapted to
 * customers: an unhappy customer is owned and fixed in public; a misinformed one is corrected kindly with
 * sources; a troll or rager is watched, not fed; a serious allegation goes to the owner plus legal and PR now;
 * a positive or balanced post needs nothing.
 */
export const RESPONSES = ['escalate_now', 'own_it', 'correct_facts', 'monitor', 'no_action'] as const;
export type ResponseKind = (typeof RESPONSES)[number];

export interface ResponseInput {
  text: string;
  category: Category;
  level: Level;
  stage: Stage;
}

export interface Recommendation {
  kind: ResponseKind;
  /** One line on why this kind fits. */
  why: string;
}

/** Categories where the allegation itself is the crisis: the owner, legal and PR must see it now. */
const SERIOUS: ReadonlySet<Category> = new Set([
  'safety',
  'contamination',
  'data_breach',
  'legal',
  'discrimination',
]);

// Hearsay and claims to check: "라던데", "카더라", "I heard", "apparently", "rumor".
const HEARSAY =
  /라던데|다던데|카더라|라고\s*하던데|소문|찌라시|들었는데|\bi heard\b|\bapparently\b|\brumou?rs?\b|\bsupposedly\b|\bis it true\b|사실인가요|진짜인가요|맞나요\?/i;
// Abuse with no concrete complaint behind it.
const ABUSE =
  /망해라|망해버려|쓰레기\s*(?:회사|기업|같은)|ㅅㅂ|시발|씨발|개새|병신|꺼져|\bf+u+c+k+\b|\bscum\b|\bgo to hell\b|\bburn in hell\b|\bgarbage company\b/i;
// A concrete grievance: an order, money, a product, a person they dealt with.
const CONCRETE =
  /주문|결제|환불|배송|제품|상품|상담|직원|매장|구매|order|refund|charged|delivery|product|purchase|store|agent|support/i;

const LOW_LEVELS: ReadonlySet<Level> = new Set(['none']);

/** The recommended response for a thread. Pure; the Slack alert and the terminal show it. */
export function recommendResponse(input: ResponseInput): Recommendation {
  if (LOW_LEVELS.has(input.level) || input.category === 'none') {
    return { kind: 'no_action', why: 'positive or balanced: no reply needed' };
  }
  if (SERIOUS.has(input.category) && input.level !== 'low') {
    return { kind: 'escalate_now', why: `serious allegation (${input.category}): owner, legal and PR now` };
  }
  if (ABUSE.test(input.text) && !CONCRETE.test(input.text)) {
    return { kind: 'monitor', why: 'abuse without a concrete complaint: watch, do not feed it' };
  }
  if (HEARSAY.test(input.text)) {
    return {
      kind: 'correct_facts',
      why: 'repeats a claim second-hand: correct the facts kindly, with sources',
    };
  }
  if (SERIOUS.has(input.category)) {
    return { kind: 'escalate_now', why: `possible ${input.category}: check with the owner before replying` };
  }
  return {
    kind: 'own_it',
    why:
      input.stage >= 3
        ? 'unhappy customer and readers are joining in: own it in public today'
        : 'unhappy customer: own it, fix it, apologise in public, take details private',
  };
}
