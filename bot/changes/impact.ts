import type { Lang } from "../../knowledge/clause.js";
import type { CorpusChange, KnowledgeSource } from "../../knowledge/index.js";
import type { AssessmentStatus, AssessmentStore } from "../assessment/store.js";
import { type AffectedClause, affectedClauses, touchedPcodes } from "./affected.js";

/** What a sync means for what the bot said before: past answers, checklist items, answered items of assessments. */
export interface ImpactReport {
  questions: Array<{ questionId: string; askedAt: string; corpusVersion?: string; clauses: AffectedClause[] }>;
  /** Checklist items whose clauses changed (whoever answers them next reads the new law). */
  items: Array<{ checklistId: string; itemId: string; clauses: AffectedClause[] }>;
  /** Answered items of assessments, with the owner to tell; `open` = not completed. */
  responses: Array<{
    assessmentId: string;
    itemId: string;
    ownerId: string;
    status: AssessmentStatus;
    open: boolean;
    answeredAt: string;
    clauses: AffectedClause[];
  }>;
}

/** Finds every past answer, checklist item and assessment response that cites a clause `changes` touched. */
export async function findImpact(changes: CorpusChange[], store: AssessmentStore, knowledge: KnowledgeSource, lang: Lang): Promise<ImpactReport> {
  const pcodes = touchedPcodes(changes);
  const report: ImpactReport = { questions: [], items: [], responses: [] };
  if (pcodes.length === 0) return report;
  for (const q of await store.questionsCiting(pcodes)) {
    const clauses = affectedClauses(q.citationIds, changes, { ...(q.corpusVersion ? { version: q.corpusVersion } : {}), at: q.askedAt }, knowledge, lang);
    if (clauses.length > 0)
      report.questions.push({ questionId: q.id, askedAt: q.askedAt, ...(q.corpusVersion ? { corpusVersion: q.corpusVersion } : {}), clauses });
  }
  // Items: any change in the reported syncs counts, whenever the item was written.
  for (const checklist of knowledge.checklists()) {
    for (const item of checklist.items) {
      const clauses = affectedClauses(item.clauses, changes, {}, knowledge, lang);
      if (clauses.length > 0) report.items.push({ checklistId: checklist.id, itemId: item.id, clauses });
    }
  }
  for (const r of await store.responsesCiting(pcodes)) {
    const clauses = affectedClauses(r.clauseIds, changes, { ...(r.corpusVersion ? { version: r.corpusVersion } : {}), at: r.answeredAt }, knowledge, lang);
    if (clauses.length === 0) continue;
    const assessment = await store.assessment(r.assessmentId);
    if (!assessment) continue;
    report.responses.push({
      assessmentId: r.assessmentId,
      itemId: r.itemId,
      ownerId: assessment.ownerId,
      status: assessment.status,
      open: assessment.status !== "completed",
      answeredAt: r.answeredAt,
      clauses,
    });
  }
  return report;
}
