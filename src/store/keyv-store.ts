import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import KeyvSqlite from '@keyv/sqlite';
import Keyv from 'keyv';
import { z } from 'zod';
import { keepPeopleActions } from '../core/thread.js';
import { type Thread, threadSchema } from '../core/thread-schema.js';
import { StoreError } from '../errors.js';
import type { ValidatorCache } from '../http/types.js';
import { createKeyedLock } from './keyed-lock.js';
import { createMemoryThreadIndex } from './memory-thread-index.js';
import { createSqliteThreadIndexes, type StoredRow } from './sqlite-thread-indexes.js';
import {
  type CustomSource,
  customSourcesSchema,
  type SlackMessage,
  type SourceStatus,
  type Store,
  slackMessageSchema,
  sourceStatusSchema,
  type WatchOverrides,
  watchOverridesSchema,
} from './store.js';
import { isSelected, type ThreadSelection } from './thread-selection.js';

const validatorsSchema = z.object({ etag: z.string().optional(), lastModified: z.string().optional() });

export interface StoreOptions {
  /** SQLite file; omitted means in memory (tests, `score`). */
  path?: string;
  /** Told about records that failed validation and were quarantined. */
  onInvalid?: (error: StoreError) => void;
}

/**
 * The store on keyv: SQLite through @keyv/sqlite when a path is given, memory otherwise.
 * One table, namespaced keys: threads, sources, http validators, quarantine.
 */
export async function createStore(options: StoreOptions = {}): Promise<Store> {
  const path = options.path;
  const backends: KeyvSqlite[] = [];
  const sqliteOf = new Map<Keyv, KeyvSqlite>();
  // One adapter per namespace: keyv's iterator reads the namespace from the adapter, so they cannot be shared.
  const open = async (namespace: string) => {
    if (!path) return new Keyv({ namespace });
    const backend = await openSqlite(path);
    backends.push(backend);
    const keyv = new Keyv({ store: backend, namespace });
    sqliteOf.set(keyv, backend);
    return keyv;
  };
  const threadsKv = await open('threads');
  const sourcesKv = await open('sources');
  const httpKv = await open('http');
  const quarantineKv = await open('quarantine');
  const slackKv = await open('slack');
  const settingsKv = await open('settings');
  const customSourcesKv = await open('custom-sources');
  const threadLock = createKeyedLock();
  const settingsLock = createKeyedLock();
  const threadsSqlite = sqliteOf.get(threadsKv);
  // SQLite keeps its indexes itself, with every write; the in-memory store keeps its own below.
  const sqliteIndexes =
    threadsSqlite &&
    (await createSqliteThreadIndexes(threadsSqlite, 'threads', PAGE_SIZE, (id, raw) =>
      quarantine(threadsKv, id, raw, 'not JSON'),
    ));
  const memoryIndex = createMemoryThreadIndex();
  const writeThread = async (thread: Thread) => {
    await threadsKv.set(thread.id, thread);
    if (!sqliteIndexes) memoryIndex.record(thread);
  };

  async function readValid<T>(
    kv: Keyv,
    key: string,
    schema: z.ZodType<T>,
    raw?: unknown,
  ): Promise<T | undefined> {
    const value = raw === undefined ? await kv.get(key) : raw;
    if (value === undefined || value === null) return undefined;
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    const problems = parsed.error.issues
      .map((i) => `${i.path.join('.') || '(record)'}: ${i.message}`)
      .join('; ');
    await quarantine(kv, key, value, problems);
    return undefined;
  }

  /** Moves a record that is not valid aside, where people can look at it, and says so. */
  async function quarantine(kv: Keyv, key: string, value: unknown, problems: string): Promise<void> {
    const where = `${kv.namespace ?? ''}:${key}`;
    await quarantineKv.set(`${where}@${new Date().toISOString()}`, value);
    await kv.delete(key);
    options.onInvalid?.(
      new StoreError(
        `Stored record ${where} is not valid (${problems}); it was moved to quarantine and skipped.`,
      ),
    );
  }

  async function* iterate<T>(kv: Keyv, schema: z.ZodType<T>): AsyncGenerator<T> {
    const sqlite = sqliteOf.get(kv);
    if (sqlite) {
      yield* iterateSqlite(sqlite, kv, schema);
      return;
    }
    if (!kv.iterator) return;
    for await (const entry of kv.iterator(kv.namespace)) {
      const [key, value] = entry as [string, unknown];
      const record = await readValid(kv, key, schema, value);
      if (record !== undefined) yield record;
    }
  }

  /**
   * Pages through one namespace in key order (keyset pagination on the primary key), so listing 100,000
   * threads holds one page in memory and each page is one indexed query.
   */
  async function* iterateSqlite<T>(sqlite: KeyvSqlite, kv: Keyv, schema: z.ZodType<T>): AsyncGenerator<T> {
    const prefix = `${kv.namespace ?? ''}:`;
    // ';' sorts right after ':', so [prefix, end) is exactly this namespace.
    const end = `${kv.namespace ?? ''};`;
    let after = prefix;
    for (;;) {
      const rows = (await sqlite.query(
        `SELECT key, value FROM ${sqlite.opts.table} WHERE key > ? AND key < ? ORDER BY key LIMIT ?`,
        [after, end, PAGE_SIZE],
      )) as StoredRow[];
      if (rows.length === 0) return;
      yield* readRows(kv, rows, schema);
      after = (rows.at(-1) as StoredRow).key;
    }
  }

  // Listings of open threads (/crisis status, the App Home, the follow-up tick every minute) read the same
  // rows over and over; a row whose stored text has not changed since it was last parsed and validated is
  // not parsed again. Records from the cache are frozen, so no reader can change what the next one gets.
  const parsedRows = new Map<string, { raw: string; record: unknown }>();

  /** The valid, unexpired records of rows read straight from SQLite. */
  async function* readRows<T>(
    kv: Keyv,
    rows: readonly StoredRow[],
    schema: z.ZodType<T>,
    cached = false,
  ): AsyncGenerator<T> {
    const prefix = `${kv.namespace ?? ''}:`;
    for (const row of rows) {
      const hit = cached ? parsedRows.get(row.key) : undefined;
      if (hit && hit.raw === row.value) {
        yield hit.record as T;
        continue;
      }
      const data = (await deserialize(kv, row.value)) as
        | { value?: unknown; expires?: number | null }
        | undefined;
      if (data?.value === undefined) continue;
      if (typeof data.expires === 'number' && data.expires < Date.now()) continue;
      const record = await readValid(kv, row.key.slice(prefix.length), schema, data.value);
      if (record === undefined) continue;
      // Rows that expire are rare (none are threads); only rows without an expiry are kept.
      if (cached && data.expires == null) {
        if (parsedRows.size >= PARSED_ROWS_MAX) parsedRows.delete(parsedRows.keys().next().value as string);
        parsedRows.set(row.key, { raw: row.value, record: deepFreeze(record) });
      }
      yield record;
    }
  }

  /** The threads of a selection, read through the indexes; each is checked against the selection again. */
  async function* selectThreads(selection: ThreadSelection): AsyncGenerator<Thread> {
    if (sqliteIndexes) {
      for await (const rows of sqliteIndexes.pages(selection))
        for await (const thread of readRows(threadsKv, rows, threadSchema, selection.kind !== 'seen'))
          if (isSelected(selection, thread)) yield thread;
      return;
    }
    for (const id of memoryIndex.ids(selection)) {
      const thread = await readValid(threadsKv, id, threadSchema);
      if (thread && isSelected(selection, thread)) yield thread;
    }
  }

  const validators: ValidatorCache = {
    get: async (url) => {
      const found = await readValid(httpKv, url, validatorsSchema);
      if (!found) return undefined;
      const result: { etag?: string; lastModified?: string } = {};
      if (found.etag) result.etag = found.etag;
      if (found.lastModified) result.lastModified = found.lastModified;
      return result;
    },
    set: async (url, value) => {
      await httpKv.set(url, value);
    },
  };

  const readWatchOverrides = async (): Promise<WatchOverrides> =>
    (await readValid(settingsKv, 'watch', watchOverridesSchema)) ?? { added: [], removed: [] };
  /** A stored instant (ms since epoch), or undefined when there is none or it is not a number. */
  const readInstant = async (key: string): Promise<number | undefined> => {
    const value: unknown = await settingsKv.get(key);
    return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
  };
  const readCustomSources = async (): Promise<CustomSource[]> =>
    (await readValid(customSourcesKv, 'all', customSourcesSchema)) ?? [];

  return {
    getThread: (id) => readValid(threadsKv, id, threadSchema),
    putThread: (thread: Thread) =>
      threadLock(thread.id, async () => {
        // A writer that read before someone acted (a scan, during a button click) must not undo the action.
        const stored = await readValid(threadsKv, thread.id, threadSchema);
        await writeThread(stored ? keepPeopleActions(stored, thread) : thread);
      }),
    updateThread: (id, update) =>
      threadLock(id, async () => {
        const current = await readValid(threadsKv, id, threadSchema);
        if (!current) return undefined;
        const next = await update(current);
        await writeThread(next);
        return next;
      }),
    deleteThread: (id, when) =>
      threadLock(id, async () => {
        if (when) {
          const current = await readValid(threadsKv, id, threadSchema);
          if (!current || !when(current)) return false;
        }
        await threadsKv.delete(id);
        memoryIndex.forget(id);
        await slackKv.delete(id);
        return true;
      }),
    getDigestSentAt: () => readInstant('digest-sent-at'),
    putDigestSentAt: async (at: number) => {
      await settingsKv.set('digest-sent-at', at);
    },
    getReportSentFor: () => readInstant('report-sent-for'),
    putReportSentFor: async (slot: number) => {
      await settingsKv.set('report-sent-for', slot);
    },
    getWatchOverrides: readWatchOverrides,
    putWatchOverrides: (overrides: WatchOverrides) =>
      settingsLock('watch', () => settingsKv.set('watch', overrides).then(() => undefined)),
    updateWatchOverrides: (update) =>
      settingsLock('watch', async () => {
        const next = update(await readWatchOverrides());
        if (next) await settingsKv.set('watch', next);
      }),
    getCustomSources: readCustomSources,
    putCustomSources: (sources: readonly CustomSource[]) =>
      settingsLock('custom-sources', () => customSourcesKv.set('all', [...sources]).then(() => undefined)),
    updateCustomSources: (update) =>
      settingsLock('custom-sources', async () => {
        const next = update(await readCustomSources());
        if (next) await customSourcesKv.set('all', [...next]);
      }),
    getSlackMessage: (threadId) => readValid(slackKv, threadId, slackMessageSchema),
    putSlackMessage: async (message: SlackMessage) => {
      await slackKv.set(message.threadId, message);
    },
    threads: () => iterate(threadsKv, threadSchema),
    openThreads: () => selectThreads({ kind: 'open' }),
    pendingAlertThreads: () => selectThreads({ kind: 'pending' }),
    threadsLastSeen: (range) => selectThreads({ kind: 'seen', since: range.since, before: range.before }),
    countThreadsByState: async () => (sqliteIndexes ?? memoryIndex).countByState(),
    getSourceStatus: (id) => readValid(sourcesKv, id, sourceStatusSchema),
    putSourceStatus: async (status: SourceStatus) => {
      await sourcesKv.set(status.id, status);
    },
    sourceStatuses: () => iterate(sourcesKv, sourceStatusSchema),
    validators,
    close: async () => {
      await Promise.all(backends.map((backend) => backend.disconnect()));
    },
  };
}

/**
 * keyv's own deserializer revives Buffers and unescapes strings that start with ':', through a JSON reviver
 * that is several times slower than JSON.parse. Only a value holding such a string needs it.
 */
function deserialize(kv: Keyv, raw: string): unknown {
  if (!raw.includes('"::') && !raw.includes('":base64:')) return JSON.parse(raw);
  return kv.deserialize?.(raw);
}

/** Rows read per query when listing a namespace. */
const PAGE_SIZE = 1_000;
/** Parsed open threads kept for listings, at most: the open threads of a very bad week. */
const PARSED_ROWS_MAX = 12_000;

/** Freezes a parsed record and everything in it. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

async function openSqlite(path: string): Promise<KeyvSqlite> {
  const file = resolve(path);
  try {
    mkdirSync(dirname(file), { recursive: true });
  } catch (cause) {
    throw new StoreError(`Cannot create the folder for the store at ${file}: ${String(cause)}`, { cause });
  }
  const sqlite = new KeyvSqlite({ uri: `sqlite://${file}`, busyTimeout: 5_000, iterationLimit: 500 });
  try {
    await sqlite.query('PRAGMA journal_mode = WAL');
    await sqlite.query('PRAGMA synchronous = NORMAL');
  } catch (cause) {
    throw new StoreError(
      `Cannot open the store at ${file}: ${(cause as Error).message}. Check the path (store.path or BULSSI_DB) and that the file is a Bulssi SQLite database.`,
      { cause },
    );
  }
  return sqlite;
}
