import type { Category } from '../../config/schema.js';
import type { MetricsSnapshot } from '../thread-schema.js';

/**
 * How far a story has spread, after the path complaints take: 1 posted → 2 reposted or spreading →
 * 3 readers joining in → 4 evidence, media or boycott. Past stage 2 a reply is already late.
 */
export type Stage = 1 | 2 | 3 | 4;

export interface StageInput {
  /** Title and body as posted. */
  text: string;
  category: Category;
  /** Counts over time, oldest first (ISO `at`). */
  metrics: readonly MetricsSnapshot[];
  /** Distinct sites carrying the story. */
  sites: number;
  /** The post is a news article (media pickup). */
  fromNews?: boolean;
}

export interface StageAssessment {
  stage: Stage;
  /** Why, in the order the stages go; empty for stage 1. */
  reasons: string[];
}

// Readers agreeing and adding their own story.
const JOINING =
  /저도\s*(?:요|그래|당했|같은|이런)|나도\s*(?:당했|그래|그랬)|저희\s*(?:도|집도)|(?:^|\s)동감|공감\s*(?:합니다|해요)|\bme too\b|\bsame here\b|\bhappened to me too\b|\bsame thing happened\b/i;
// Reposts and calls to spread.
const SPREADING =
  /퍼\s*가\s*(?:세요|셔도|주세요)|퍼가|퍼왔|펌\)|\[펌\]|공유\s*(?:부탁|해\s*주세요|좀)|널리\s*알려|\bplease (?:share|retweet|rt)\b|\bspread the word\b|(?:^|\s)RT\s*@|\bboost this\b/i;
// Proof published with the story.
const EVIDENCE =
  /사진|영상|동영상|영수증|진단서|녹취|녹음|캡처|캡쳐|인증샷|\bscreenshots?\b|\bphotos?\b|\bvideo\b|\breceipts?\b|\brecording\b|\bproof\b/i;
const BOYCOTT = /불매|보이콧|\bboycott/i;

const COMMENTS_JOINING = 30;
const COMMENTS_PER_HOUR_JOINING = 10;
const VIEWS_PER_HOUR_SPREADING = 500;
const SHARES_SPREADING = 10;

/** Views or comments gained per hour between the first and the last snapshot; 0 without two snapshots. */
export function growthPerHour(metrics: readonly MetricsSnapshot[], key: 'views' | 'comments'): number {
  const first = metrics.find((m) => m[key] !== undefined);
  const last = [...metrics].reverse().find((m) => m[key] !== undefined);
  if (!first || !last || first === last) return 0;
  const hours = (Date.parse(last.at) - Date.parse(first.at)) / 3_600_000;
  if (!(hours > 0)) return 0;
  return ((last[key] ?? 0) - (first[key] ?? 0)) / hours;
}

/** The stage a thread has reached, with the signals that put it there. Pure. */
export function assessStage(input: StageInput): StageAssessment {
  const latest = input.metrics.at(-1);
  const comments = latest?.comments ?? 0;
  const shares = latest?.shares ?? 0;
  const stage4: string[] = [];
  if (input.category === 'boycott' || BOYCOTT.test(input.text)) stage4.push('boycott called');
  if (input.fromNews && input.category !== 'none') stage4.push('picked up by news');
  const evidence = EVIDENCE.exec(input.text);
  if (evidence) stage4.push(`evidence posted ("${evidence[0]}")`);

  const stage3: string[] = [];
  const joining = JOINING.exec(input.text);
  if (joining) stage3.push(`readers joining in ("${joining[0].trim()}")`);
  if (comments >= COMMENTS_JOINING) stage3.push(`${comments.toLocaleString('en-US')} comments`);
  const commentRate = growthPerHour(input.metrics, 'comments');
  if (commentRate >= COMMENTS_PER_HOUR_JOINING) stage3.push(`+${Math.round(commentRate)} comments an hour`);

  const stage2: string[] = [];
  if (input.sites >= 2) stage2.push(`on ${input.sites} sites`);
  const spreading = SPREADING.exec(input.text);
  if (spreading) stage2.push(`call to spread ("${spreading[0].trim()}")`);
  if (shares >= SHARES_SPREADING) stage2.push(`${shares.toLocaleString('en-US')} shares`);
  const viewRate = growthPerHour(input.metrics, 'views');
  if (viewRate >= VIEWS_PER_HOUR_SPREADING)
    stage2.push(`+${Math.round(viewRate).toLocaleString('en-US')} views an hour`);

  if (stage4.length > 0) return { stage: 4, reasons: [...stage4, ...stage3, ...stage2] };
  if (stage3.length > 0) return { stage: 3, reasons: [...stage3, ...stage2] };
  if (stage2.length > 0) return { stage: 2, reasons: stage2 };
  return { stage: 1, reasons: [] };
}
