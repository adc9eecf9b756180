import type { Lang } from "../../knowledge/clause.js";
import type { Viewer } from "../assessment/access.js";
import type { AssessmentReport } from "../assessment/report-model.js";
import type { AssessmentOption, ChecklistOption, Reply } from "./reply.js";
import type { Turn } from "./turn.js";

/** What a channel may show while a turn is in progress. */
export interface TurnHooks {
  /** A configured language model starts writing the answer (seconds, up to LLM_TIMEOUT_MS): show a working state. */
  onModelStart?: () => void | Promise<void>;
}

/** The conversation engine every channel drives. */
export interface Engine {
  /**
   * Handles one turn. The same (channel, messageId) twice returns the first reply with
   * `duplicate: true` and `delivered` telling whether it reached the user.
   */
  handle(turn: Turn, hooks?: TurnHooks): Promise<Reply>;
  /** Records that the reply to this turn reached the user, so a platform retry sends nothing. */
  markDelivered(turn: Pick<Turn, "channel" | "messageId">): Promise<void>;
  /** The viewer's assessments (own, and shared with their team) with progress, newest first. */
  assessments(viewer: Viewer, lang: Lang): Promise<AssessmentOption[]>;
  /**
   * The report of an assessment the viewer may see (the engine applies the sharing rule);
   * undefined when unknown or not theirs. Without a viewer (the operator's CLI) any report.
   */
  report(assessmentId: string, lang: Lang, viewer?: Viewer): Promise<AssessmentReport | undefined>;
  checklists(lang: Lang): ChecklistOption[];
}
