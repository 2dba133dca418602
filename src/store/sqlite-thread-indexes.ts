import type KeyvSqlite from '@keyv/sqlite';
import { isOpen } from '../core/thread.js';
import { THREAD_STATES, type ThreadState } from '../core/thread-schema.js';
import type { ThreadSelection } from './thread-selection.js';

/** One stored row as keyv wrote it: the namespaced key and the serialized `{ value, expires }`. */
export interface StoredRow {
  key: string;
  value: string;
}

/** The SQLite store's thread indexes: narrow listings and counts without reading every thread. */
export interface SqliteThreadIndexes {
  /**
   * The selected threads' rows, a page at a time, in key order, each row once: the open threads for `open`
   * and `pending` (a pending alert is only ever delivered for an open thread), then checked by the reader.
   */
  pages(selection: ThreadSelection): AsyncGenerator<StoredRow[]>;
  /** Threads per state, from the index alone: resolved ones are all the threads less the others. */
  countByState(): Promise<Record<ThreadState, number>>;
}

const STATE = `json_extract(value, '$.value.state')`;
const SEEN = `json_extract(value, '$.value.lastSeenAt')`;
const OPEN_STATES = THREAD_STATES.filter((state) => isOpen({ state }));
const quoted = (states: readonly string[]) => states.map((state) => `'${state}'`).join(', ');

/**
 * Two partial indexes on keyv's table, over the rows of one namespace: the threads that are not resolved,
 * by state (open ones and those found not to be a crisis: few, and rarely written once closed), and every
 * thread by last sighting. Resolved threads, the bulk of a long-lived store, are counted as the rest.
 *
 * Invariant: the indexes always agree with the stored threads. SQLite updates an index in the same
 * transaction as the row, so no crash can leave them apart, and they follow every writer of the file — this
 * store, another Bulssi process, an older version or a raw keyv handle. Opening a store creates any index
 * that is missing (a file from before the indexes, or one whose indexes were dropped) in one pass over the
 * threads; after that opening costs nothing. Readers still check each thread against its selection, so
 * keyv's escaping of strings that start with ':' can never let a wrong thread through. Every thread record
 * is JSON (keyv writes nothing else; SQLite refuses anything else once the indexes exist).
 * `_v1` in the names: an index whose definition changes gets a new name and is built afresh.
 */
export async function createSqliteThreadIndexes(
  sqlite: KeyvSqlite,
  namespace: string,
  pageSize: number,
  quarantine: (key: string, raw: string) => Promise<void>,
): Promise<SqliteThreadIndexes> {
  if (!/^[a-z-]+$/.test(namespace)) throw new Error(`namespace ${namespace} cannot be used in an index`);
  const table = sqlite.opts.table;
  // Partial indexes cannot take parameters: the conditions are literals here and, word for word, in every
  // query, which is how SQLite knows a query may use them.
  const rows = `key > '${namespace}:' AND key < '${namespace};'`;
  const unresolved = `${rows} AND ${STATE} != 'resolved'`;
  const name = (what: string) => `${table}_${namespace.replaceAll('-', '_')}_${what}_v1`;
  const byState = name('unresolved');
  const bySeen = name('seen');
  const [present] = (await sqlite.query(
    `SELECT count(*) AS n FROM sqlite_master WHERE type = 'index' AND name IN (?, ?)`,
    [byState, bySeen],
  )) as { n: number }[];
  if (present?.n !== 2) {
    // The indexes read every thread as JSON, and SQLite refuses to build them, or later to write a record,
    // over one that is not: such a record (only a foreign writer could leave one) is quarantined first.
    const broken = (await sqlite.query(
      `SELECT key, value FROM ${table} WHERE ${rows} AND NOT json_valid(value)`,
    )) as StoredRow[];
    for (const row of broken) await quarantine(row.key.slice(namespace.length + 1), row.value);
    await sqlite.query(
      `CREATE INDEX IF NOT EXISTS ${byState} ON ${table}(${STATE}, key) WHERE ${unresolved}`,
    );
    await sqlite.query(`CREATE INDEX IF NOT EXISTS ${bySeen} ON ${table}(${SEEN}, key) WHERE ${rows}`);
  }

  /** The rows of `keys`, in key order. */
  const rowsOf = async (keys: readonly string[]) =>
    (await sqlite.query(
      `SELECT key, value FROM ${table} WHERE key IN (SELECT value FROM json_each(?)) ORDER BY key`,
      [JSON.stringify(keys)],
    )) as StoredRow[];
  const keysOf = async (sql: string, params: unknown[]) =>
    ((await sqlite.query(sql, params)) as { key: string }[]).map((row) => row.key);

  /**
   * Open threads in key order, a page of keys at a time from the index alone, then their rows: each thread
   * at most once, and one open throughout the listing exactly once.
   */
  async function* openRows(): AsyncGenerator<StoredRow[]> {
    let after = `${namespace}:`;
    for (;;) {
      const keys = await keysOf(
        `SELECT key FROM ${table} INDEXED BY ${byState} WHERE ${unresolved} AND ${STATE} IN (${quoted(OPEN_STATES)}) AND key > ? ORDER BY key LIMIT ?`,
        [after, pageSize],
      );
      if (keys.length === 0) return;
      yield await rowsOf(keys);
      after = keys.at(-1) as string;
    }
  }

  /**
   * Rows last seen in [since, before), in key order like every other listing. The keys come from one query
   * (one consistent view, so each row once); the rows are then read a page at a time.
   */
  async function* seenRows(since = '', before: string | undefined): AsyncGenerator<StoredRow[]> {
    const keys = await keysOf(
      `SELECT key FROM ${table} INDEXED BY ${bySeen} WHERE ${rows} AND ${SEEN} >= ? ${before === undefined ? '' : `AND ${SEEN} < ?`} ORDER BY key`,
      before === undefined ? [since] : [since, before],
    );
    for (let start = 0; start < keys.length; start += pageSize)
      yield await rowsOf(keys.slice(start, start + pageSize));
  }

  const count = async (sql: string, params: unknown[]) =>
    ((await sqlite.query(sql, params)) as { n: number }[])[0]?.n ?? 0;

  return {
    async *pages(selection) {
      if (selection.kind === 'seen') yield* seenRows(selection.since, selection.before);
      else yield* openRows();
    },
    async countByState() {
      const counts = {} as Record<ThreadState, number>;
      let unresolvedCount = 0;
      for (const state of THREAD_STATES) {
        if (state === 'resolved') continue;
        counts[state] = await count(
          `SELECT count(*) AS n FROM ${table} INDEXED BY ${byState} WHERE ${unresolved} AND ${STATE} = ?`,
          [state],
        );
        unresolvedCount += counts[state];
      }
      // Every thread is in the sighting index: counting it reads the index alone.
      const all = await count(`SELECT count(*) AS n FROM ${table} INDEXED BY ${bySeen} WHERE ${rows}`, []);
      counts.resolved = Math.max(0, all - unresolvedCount);
      return counts;
    },
  };
}
