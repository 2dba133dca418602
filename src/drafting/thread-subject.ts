import { type Channel, channelOfUrl } from '../core/draft/channel.js';
import type { DraftSubject } from '../core/draft/draft-reply.js';
import type { Thread } from '../core/thread-schema.js';

/** What the drafter needs from a tracked thread; the channel comes from the post's URL unless given. */
export function subjectOfThread(thread: Thread, channel?: Channel): DraftSubject {
  return {
    title: thread.title,
    text: thread.excerpt,
    author: thread.author,
    lang: thread.lang,
    category: thread.risk.category,
    channel: channel ?? channelOfUrl(thread.url),
  };
}
