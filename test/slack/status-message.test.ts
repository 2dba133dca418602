import { describe, expect, it } from 'vitest';
import { createThread, isOpen } from '../../src/core/thread.js';
import { THREAD_STATES, type Thread, type ThreadState } from '../../src/core/thread-schema.js';
import { stringsFor } from '../../src/slack/i18n.js';
import { buildStatusMessage } from '../../src/slack/status-blocks.js';

const thread = (id: string, state: ThreadState): Thread => ({
  ...createThread({
    id,
    canonicalUrl: `https://example.kr/${id}`,
    post: { id, sourceId: 's', url: `https://example.kr/${id}`, title: id, text: 'text', metrics: {} },
    risk: { score: 70, level: 'high', category: 'contamination', reasons: [] },
    now: '2026-11-22T00:00:00.000Z',
  }),
  state,
});

describe('the /crisis status message', () => {
  it('is the same from the open threads and the stored counts as from every thread', () => {
    const all = THREAD_STATES.flatMap((state, n) =>
      Array.from({ length: n + 1 }, (_, i) => thread(`${state}-${i}`, state)),
    );
    const counts = Object.fromEntries(
      THREAD_STATES.map((state) => [state, all.filter((t) => t.state === state).length]),
    ) as Record<ThreadState, number>;
    const now = new Date('2026-11-22T01:00:00.000Z');
    const s = stringsFor('en');
    expect(buildStatusMessage(all.filter(isOpen), now, s, counts)).toEqual(buildStatusMessage(all, now, s));
  });
});
