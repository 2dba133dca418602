/**
 * Near-duplicate detection for "the same story on several sites": a MinHash signature over character
 * 4-grams of the normalized title and text. Reposts, copies with a line added and translations of the
 * headline keep most shingles; unrelated posts about the same brand share few.
 */

/** Timeline note on a thread when the same story is found on another site: "also on <source id>". */
export const ALSO_ON = 'also on ';

/** Number of hash functions in a signature; the Jaccard estimate's error is about 1/sqrt(SIGNATURE_SIZE). */
export const SIGNATURE_SIZE = 32;
/** Estimated shingle overlap at or above which two posts count as the same story. */
export const SAME_STORY = 0.5;
const SHINGLE = 4;

// Fixed odd multipliers and offsets: the same text always gives the same signature.
const SEEDS = Array.from({ length: SIGNATURE_SIZE }, (_, i) => ({
  a: (Math.imul(i + 1, 0x9e3779b1) | 1) >>> 0,
  b: Math.imul(i + 7, 0x85ebca6b) >>> 0,
}));

function normalize(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

function fnv1a(text: string, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let i = start; i < end; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** MinHash signature of a post's text; empty for texts too short to compare (under 12 letters). */
export function storySignature(text: string): number[] {
  const flat = normalize(text);
  if (flat.length < 12) return [];
  const signature = new Array<number>(SIGNATURE_SIZE).fill(0xffffffff);
  for (let i = 0; i + SHINGLE <= flat.length; i += 1) {
    const shingle = fnv1a(flat, i, i + SHINGLE);
    for (let k = 0; k < SIGNATURE_SIZE; k += 1) {
      const seed = SEEDS[k] as { a: number; b: number };
      const h = (Math.imul(shingle ^ seed.b, seed.a) ^ (shingle >>> 15)) >>> 0;
      if (h < (signature[k] as number)) signature[k] = h;
    }
  }
  return signature;
}

/** Estimated Jaccard overlap of two signatures, 0–1; 0 when either is empty. */
export function storySimilarity(a: readonly number[], b: readonly number[]): number {
  if (a.length === 0 || a.length !== b.length) return 0;
  let same = 0;
  for (let i = 0; i < a.length; i += 1) if (a[i] === b[i]) same += 1;
  return same / a.length;
}

interface Entry {
  threadId: string;
  sourceId: string;
  signature: readonly number[];
  /** Sites this thread already knows carry its story (its own included). */
  sites: Set<string>;
}

/** Most earlier copies told about each new site: a viral story's copies are not all rewritten. */
export const MAX_COPIES_TOLD = 20;

/**
 * The stories seen recently, to find a new thread's earlier copies on other sites. In memory; filled from
 * the store at start and as threads are created.
 */
export class StoryIndex {
  readonly #entries: Entry[] = [];
  readonly #limit: number;

  /** Keeps the `limit` most recent stories (a linear scan per new thread stays cheap). */
  constructor(limit = 5_000) {
    this.#limit = limit;
  }

  /** `sites`: the sites the thread already knows carry its story, as stored. */
  add(threadId: string, sourceId: string, signature: readonly number[], sites: readonly string[] = []): void {
    if (signature.length === 0) return;
    this.#entries.push({ threadId, sourceId, signature, sites: new Set([sourceId, ...sites]) });
    if (this.#entries.length > this.#limit) this.#entries.splice(0, this.#entries.length - this.#limit);
  }

  /** Earlier threads from other sources that tell the same story. */
  sameStory(sourceId: string, signature: readonly number[]): { threadId: string; sourceId: string }[] {
    if (signature.length === 0) return [];
    return this.#entries
      .filter((e) => e.sourceId !== sourceId && storySimilarity(e.signature, signature) >= SAME_STORY)
      .map(({ threadId, sourceId: other }) => ({ threadId, sourceId: other }));
  }

  /**
   * A new thread's story against the earlier ones: every site already carrying it (`sites`, the new thread's
   * own first), and the earlier copies to tell about the new site — the oldest copy on each other site where
   * none knows it yet, until MAX_COPIES_TOLD copies know it — which then count as knowing it. So a story
   * copied on hundreds of sites costs a bounded number of writes per new site, not one per copy.
   */
  link(
    sourceId: string,
    signature: readonly number[],
  ): { sites: string[]; tell: { threadId: string; sourceId: string }[] } {
    const sites = new Set([sourceId]);
    const tell: { threadId: string; sourceId: string }[] = [];
    if (signature.length === 0) return { sites: [...sites], tell };
    const copies = this.#entries.filter(
      (e) => e.sourceId !== sourceId && storySimilarity(e.signature, signature) >= SAME_STORY,
    );
    const knowing = copies.filter((e) => e.sites.has(sourceId));
    const informed = new Set(knowing.map((e) => e.sourceId));
    let budget = MAX_COPIES_TOLD - knowing.length;
    for (const entry of copies) {
      sites.add(entry.sourceId);
      if (budget <= 0 || informed.has(entry.sourceId)) continue;
      informed.add(entry.sourceId);
      entry.sites.add(sourceId);
      tell.push({ threadId: entry.threadId, sourceId: entry.sourceId });
      budget -= 1;
    }
    return { sites: [...sites], tell };
  }

  get size(): number {
    return this.#entries.length;
  }
}
