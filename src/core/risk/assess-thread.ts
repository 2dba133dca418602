import type { Thread } from '../thread-schema.js';
import { type Recommendation, recommendResponse } from './response.js';
import { assessStage, type StageAssessment } from './stage.js';

/** Stage and recommended response of a stored thread, derived from what it holds; pure. */
export function assessThread(thread: Thread): { stage: StageAssessment; response: Recommendation } {
  const text = `${thread.title}\n${thread.excerpt}`;
  const sites = Math.max(1, thread.sites?.length ?? 1);
  const stage = assessStage({
    text,
    category: thread.risk.category,
    metrics: thread.metrics,
    sites,
    fromNews: thread.media === true,
  });
  const response = recommendResponse({
    text,
    category: thread.risk.category,
    level: thread.risk.level,
    stage: stage.stage,
  });
  return { stage, response };
}
