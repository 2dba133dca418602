import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { findConfigFile, loadConfigFile } from '../config/load.js';
import type { Config } from '../config/schema.js';
import { createLogger } from '../logger.js';
import { SAMPLE_STORE } from '../main.js';
import { createStore } from '../store/keyv-store.js';
import type { Store } from '../store/store.js';
import type { CommandIo } from './command.js';

export interface OpenedStore {
  store: Store;
  /** The config file's contents, or undefined when reading the sample store. */
  config: Config | undefined;
  path: string;
}

/**
 * Opens the store a read-only command looks at (the config's store, or the sample store without a config),
 * without starting anything. Returns undefined, after saying so on stderr, when there is no store yet.
 */
export async function openExistingStore(
  configFlag: string | undefined,
  io: CommandIo,
): Promise<OpenedStore | undefined> {
  const file = findConfigFile(configFlag, io.env, io.cwd);
  const config = file ? loadConfigFile(file, io.env) : undefined;
  const path = resolve(io.cwd, config ? config.store.path : (io.env.BULSSI_DB ?? SAMPLE_STORE));
  if (!existsSync(path)) {
    io.stderr.write(`Nothing stored yet: ${path} does not exist. Run \`bulssi scan --once\` first.\n`);
    return undefined;
  }
  const logger = createLogger({ level: 'warn', env: io.env });
  const store = await createStore({ path, onInvalid: (error) => logger.warn(error.message) });
  return { store, config, path };
}
