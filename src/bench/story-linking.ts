import { StoryIndex, storySignature } from '../core/story.js';
import { syntheticPosts } from './synthetic-posts.js';

/**
 * Same-story linking as a scan does it (the scan bench leaves it out): `count` new posts, each compared with
 * the recent stories and added, spread over 200 sites. The synthetic posts retell a handful of stories, so
 * this is a viral week: every post has hundreds of copies.
 */
export function benchStoryLinking(count = 10_000): void {
  const posts = syntheticPosts(count, 300);
  const signatures = posts.map((p) => storySignature(`${p.title}\n${p.text}`));
  const index = new StoryIndex();
  let told = 0;
  let sites = 0;
  const start = performance.now();
  signatures.forEach((signature, n) => {
    const site = `site-${n % 200}`;
    const linked = index.link(site, signature);
    told += linked.tell.length;
    sites = Math.max(sites, linked.sites.length);
    index.add(`t${n}`, site, signature, linked.sites);
  });
  const ms = performance.now() - start;
  console.log(
    `stories: ${count.toLocaleString('en-US')} new posts linked against the ${index.size.toLocaleString('en-US')} most recent stories in ${(ms / 1000).toFixed(2)} s ` +
      `(${(ms / count).toFixed(2)} ms a post; copies on up to ${sites} sites; ${told.toLocaleString('en-US')} earlier threads told of a new site)`,
  );
}
