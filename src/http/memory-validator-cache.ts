import type { ValidatorCache } from './types.js';

/** ETag / Last-Modified kept in process memory: for tests and callers without a store (lost on restart). */
export function createMemoryValidatorCache(): ValidatorCache {
  const entries = new Map<string, { etag?: string; lastModified?: string }>();
  return {
    get: async (url) => {
      const found = entries.get(url);
      return found ? { ...found } : undefined;
    },
    set: async (url, validators) => {
      entries.set(url, { ...validators });
    },
  };
}
