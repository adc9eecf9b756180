import type { Clock, Engine, KeyedQueue, Logger } from "../../../bot/index.js";
import type { TurnRunner } from "../shared/run-turn.js";
import type { BotIdentitySource } from "./bot-identity.js";
import type { CitationCache } from "./citation-cache.js";
import type { DmChannels } from "./dm-channels.js";
import type { ItemCards } from "./item-cards.js";
import type { Poster } from "./slack-poster.js";
import type { WebClient } from "./web-client.js";
import type { WorkQueue } from "./work-queue.js";

/** What the Slack handlers share: the engine, the Web API, and the small in-memory helpers. */
export interface SlackHandlerDeps {
  engine: Engine;
  client: WebClient;
  poster: Poster;
  logger: Logger;
  identity: BotIdentitySource;
  dms: DmChannels;
  cards: ItemCards;
  citations: CitationCache;
  /** Work after the acknowledgement. */
  queue: WorkQueue;
  /** One turn at a time per conversation. */
  serial: KeyedQueue;
  /** Engine turn with timeout, delivery and delivered mark (shared with Teams). */
  runTurn: TurnRunner;
  clock: Clock;
}
