import type { SourceConfig } from '../config/schema.js';
import { createFeedSource } from './feed.js';
import { createHnSearchSource } from './hn-search.js';
import { createHtmlBoardSource } from './html-board.js';
import { createNaverSearchSource } from './naver-search.js';
import type { Source } from './source.js';

export interface SourceOptions {
  /** Clock for relative dates on pages ("3분 전", "14:32"); the wall clock by default. */
  now?: () => Date;
  /**
   * IANA zone of dates printed without one on feeds and boards that set no `timezone` of their own:
   * `schedule.timezone`. Asia/Seoul when absent.
   */
  timeZone?: string | undefined;
}

/** The adapter for one configured source, chosen by its `type`; a `media` source marks its posts as news. */
export function createSource(config: SourceConfig, options: SourceOptions = {}): Source {
  const source = adapterFor(config, options);
  if (!config.media) return source;
  return {
    ...source,
    fetchPosts: async (ctx) => {
      const result = await source.fetchPosts(ctx);
      return { ...result, posts: result.posts.map((post) => ({ ...post, media: true })) };
    },
  };
}

function adapterFor(config: SourceConfig, options: SourceOptions): Source {
  switch (config.type) {
    case 'feed':
      return createFeedSource(config, options);
    case 'html':
      return createHtmlBoardSource(config, options);
    case 'naver':
      return createNaverSearchSource(config, options);
    case 'hn':
      return createHnSearchSource(config, options);
  }
}
