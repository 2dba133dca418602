import { threadIdFor } from '../core/canonical-url.js';
import { scorePost } from '../core/risk/score.js';
import { createThread, markAlertPending, markAlertSent, transition } from '../core/thread.js';
import type { Thread } from '../core/thread-schema.js';
import { createStore } from '../store/keyv-store.js';
import { syntheticPosts } from './synthetic-posts.js';

/**
 * Writes `total` threads into the SQLite store at `path` through the Store, in a child process so that the
 * memory spent writing is not counted in what the parent then measures. Arguments: path, total, open, now
 * (ms since epoch); sends the milliseconds the writing took.
 */
const [path = '', total, open, now] = [process.argv[2], ...process.argv.slice(3, 6).map(Number)] as [
  string,
  number,
  number,
  number,
];

const MINUTE = 60_000;
/** Threads written at once: enough to keep SQLite busy while the next ones are built. */
const WRITE_BATCH = 200;

/**
 * Thread `n`, first seen `total - n` × 5 minutes before `now` (a year of history for 100,000): the newest
 * `open` are still open (one in thirty with its alert pending), every older one was alerted, acknowledged
 * and resolved within the day.
 */
function historicThread(post: ReturnType<typeof syntheticPosts>[number], n: number): Thread {
  const url = `https://board.example/posts/${n}`;
  const seen = now - (total - n) * 5 * MINUTE;
  const at = (minutes: number) => new Date(seen + minutes * MINUTE).toISOString();
  const risk = scorePost({ title: post.title, text: post.text, metrics: post.metrics, lang: post.lang });
  const fresh = createThread({
    id: threadIdFor(url),
    canonicalUrl: url,
    post: { ...post, id: `bench:${n}`, sourceId: 'bench', url },
    risk,
    now: at(0),
  });
  if (n >= total - open) return n % 30 === 0 ? markAlertPending(fresh, at(1)) : markAlertSent(fresh, at(1));
  const acknowledged = transition(markAlertSent(fresh, at(1)), { type: 'acknowledge', by: 'U1' }, at(20));
  const resolved = transition(
    acknowledged,
    { type: 'resolve', by: 'U1', outcome: 'replied_publicly' },
    at(300),
  );
  return { ...resolved, lastSeenAt: at(600) };
}

const store = await createStore({ path });
const start = performance.now();
for (let first = 0; first < total; first += WRITE_BATCH) {
  const posts = syntheticPosts(Math.min(WRITE_BATCH, total - first), 200, first + 1);
  await Promise.all(posts.map((post, i) => store.putThread(historicThread(post, first + i))));
}
const ms = performance.now() - start;
await store.close();
process.send?.(ms);
