import type { Config } from '../config/schema.js';
import type { AddressPolicy } from '../http/address-guard.js';
import type { Thread } from '../core/thread-schema.js';
import type { Logger } from '../logger.js';
import type { ScanSummary } from '../pipeline/scan.js';
import type { Store } from '../store/store.js';
import type { AccessCheck } from './access.js';
import type { AlertMessages } from './alert-messages.js';
import type { HomePublisher } from './home.js';
import type { Strings } from './i18n.js';

/** What every Slack listener gets: the domain (store, scan), rendering (strings, messages) and who may act. */
export interface SlackDeps {
  config: Config;
  store: Store;
  logger: Logger;
  now: () => Date;
  strings: Strings;
  messages: AlertMessages;
  mayAct: AccessCheck;
  home: HomePublisher;
  sourceName: (sourceId: string) => string;
  /** The starting text of the Draft apology modal, in the post's language; must be quick (the modal trigger lasts 3 s). */
  draft: (thread: Thread, company: string) => string;
  /** Runs a scan now (or joins the running one); absent when the app runs without a scanner. */
  scan?: (() => Promise<ScanSummary>) | undefined;
  isScanning?: (() => boolean) | undefined;
  /** How feed URLs added with `/crisis source add` are resolved and classified (DNS and classifyAddress by default). */
  addressPolicy?: AddressPolicy | undefined;
}
