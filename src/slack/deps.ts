import type { Config } from '../config/schema.js';
import type { AddressPolicy } from '../http/address-guard.js';
import type { FeedProbe } from '../sources/custom-source.js';
import type { Thread } from '../core/thread-schema.js';
import type { ComposedDraft } from '../drafting/compose-draft.js';
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
  /** The template draft and its tone check for the Draft apology modal; instant (the modal trigger lasts 3 s). */
  draft: (thread: Thread) => ComposedDraft;
  /** A model's personalised draft (or the template with the reason it was kept); absent without a model. */
  personalise?: ((thread: Thread) => Promise<ComposedDraft>) | undefined;
  /** Runs a scan now (or joins the running one); absent when the app runs without a scanner. */
  scan?: (() => Promise<ScanSummary>) | undefined;
  isScanning?: (() => boolean) | undefined;
  /** How feed URLs added with `/crisis source add` are resolved and classified (DNS and classifyAddress by default). */
  addressPolicy?: AddressPolicy | undefined;
  /** Reads a feed being added with `/crisis source add` once, so a 404 or a web page is refused at once; absent: not checked. */
  probeFeed?: ((url: string) => Promise<FeedProbe>) | undefined;
}
