import type { Lang } from "../../knowledge/clause.js";
import type { AssessmentReport } from "../assessment/report-model.js";
import type { AssessmentOption, ChecklistOption, Reply } from "./reply.js";
import type { Turn } from "./turn.js";

/** The conversation engine every channel drives. */
export interface Engine {
  /** Handles one turn. The same (channel, messageId) twice returns the first reply with `duplicate: true`. */
  handle(turn: Turn): Promise<Reply>;
  /** The user's assessments (own, and shared with their team) with progress, newest first. */
  assessments(user: { userId: string; teamId?: string }, lang: Lang): Promise<AssessmentOption[]>;
  /** The report of an assessment the user may see (teamId: shareKeyOf(turn)); undefined when unknown or not theirs. */
  report(assessmentId: string, lang: Lang, user?: { userId: string; teamId?: string }): Promise<AssessmentReport | undefined>;
  checklists(lang: Lang): ChecklistOption[];
}
