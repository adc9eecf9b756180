import type { Lang } from "../../knowledge/clause.js";
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
  /** Handles one turn. The same (channel, messageId) twice returns the first reply with `duplicate: true`. */
  handle(turn: Turn, hooks?: TurnHooks): Promise<Reply>;
  /** The user's assessments (own, and shared with their team) with progress, newest first. */
  assessments(user: { userId: string; teamId?: string }, lang: Lang): Promise<AssessmentOption[]>;
  /** The report of an assessment the user may see (teamId: shareKeyOf(turn)); undefined when unknown or not theirs. */
  report(assessmentId: string, lang: Lang, user?: { userId: string; teamId?: string }): Promise<AssessmentReport | undefined>;
  checklists(lang: Lang): ChecklistOption[];
}
