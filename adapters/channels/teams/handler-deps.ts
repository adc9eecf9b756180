import type { Engine, KeyedQueue } from "../../../bot/index.js";
import type { TurnRunner } from "../shared/run-turn.js";
import type { ReportLinks } from "./report-links.js";

/** What the Teams handlers share: the engine, the report links, and the shared turn runner. */
export interface TeamsHandlerDeps {
  engine: Engine;
  reportLinks: ReportLinks;
  /** One turn at a time per conversation. */
  serial: KeyedQueue;
  /** Engine turn with timeout, delivery and delivered mark (shared with Slack). */
  runTurn: TurnRunner;
}
