import type { AddedNote, AnswerGeneration, AssessmentEvent, AssessmentRecord, FeedbackRecord, QuestionRecord, ResponseRecord } from "../../bot/index.js";
import { AppError, ErrorCodes } from "../../knowledge/index.js";

/** A database row as both drivers return it (snake_case columns). */
export type Row = Record<string, unknown>;

/**
 * Row -> record mappers shared by the SQLite and PostgreSQL stores. Null columns become
 * absent fields, so both stores return identical records (and the hash chain, computed
 * over these records, agrees between them).
 */
const optional = (value: unknown) => (value === null || value === undefined ? {} : undefined);

export function toAssessment(row: Row): AssessmentRecord {
  return {
    id: String(row.id),
    checklistId: String(row.checklist_id),
    checklistVersion: String(row.checklist_version),
    label: String(row.label),
    ownerId: String(row.owner_id),
    ...(optional(row.owner_name) ?? { ownerName: String(row.owner_name) }),
    channel: row.channel as AssessmentRecord["channel"],
    ...(optional(row.shared_with) ?? { sharedWith: String(row.shared_with) }),
    status: row.status as AssessmentRecord["status"],
    createdAt: String(row.created_at),
    updatedAt: String(row.updated_at),
  };
}

export function toResponse(row: Row): ResponseRecord {
  const notes = row.notes === null || row.notes === undefined ? [] : (JSON.parse(String(row.notes)) as AddedNote[]);
  return {
    assessmentId: String(row.assessment_id),
    itemId: String(row.item_id),
    result: row.result as ResponseRecord["result"],
    ...(optional(row.note) ?? { note: String(row.note) }),
    ...(notes.length > 0 ? { notes } : {}),
    userId: String(row.user_id),
    ...(optional(row.user_name) ?? { userName: String(row.user_name) }),
    channel: row.channel as ResponseRecord["channel"],
    answeredAt: String(row.answered_at),
    checklistVersion: String(row.checklist_version),
    clauseIds: JSON.parse(String(row.clause_ids)) as string[],
    ...(optional(row.corpus_version) ?? { corpusVersion: String(row.corpus_version) }),
  };
}

export function toEvent(row: Row): AssessmentEvent {
  return {
    assessmentId: String(row.assessment_id),
    type: row.type as AssessmentEvent["type"],
    ...(optional(row.item_id) ?? { itemId: String(row.item_id) }),
    ...(optional(row.result) ?? { result: row.result as AssessmentEvent["result"] }),
    ...(optional(row.note) ?? { note: String(row.note) }),
    userId: String(row.user_id),
    channel: row.channel as AssessmentEvent["channel"],
    messageId: String(row.message_id),
    at: String(row.at),
  };
}

export function toQuestion(row: Row): QuestionRecord {
  return {
    id: String(row.id),
    channel: row.channel as QuestionRecord["channel"],
    userId: String(row.user_id),
    conversationId: String(row.conversation_id),
    messageId: String(row.message_id),
    question: String(row.question),
    lang: row.lang as QuestionRecord["lang"],
    abstained: row.abstained === true || Number(row.abstained) === 1,
    citationIds: JSON.parse(String(row.citation_ids)) as string[],
    askedAt: String(row.asked_at),
    ...(optional(row.corpus_version) ?? { corpusVersion: String(row.corpus_version) }),
    ...(optional(row.citation_versions) ?? { citationVersions: JSON.parse(String(row.citation_versions)) as Record<string, string> }),
    ...generationOf(row),
  };
}

/** How the answer was made (migration 6); none when no model was configured then. */
function generationOf(row: Row): { generation?: AnswerGeneration } {
  if (row.model_provider === null || row.model_provider === undefined) return {};
  return {
    generation: {
      mode: row.answer_mode === "model" ? "model" : "offline",
      provider: String(row.model_provider),
      model: String(row.model_name ?? ""),
      shownClauseIds: JSON.parse(String(row.shown_clause_ids ?? "[]")) as string[],
      kept: JSON.parse(String(row.sentences_kept ?? "[]")) as AnswerGeneration["kept"],
      dropped: JSON.parse(String(row.sentences_dropped ?? "[]")) as AnswerGeneration["dropped"],
      ...(optional(row.fallback_reason) ?? { fallbackReason: row.fallback_reason as NonNullable<AnswerGeneration["fallbackReason"]> }),
      ...(optional(row.fallback_detail) ?? { fallbackDetail: String(row.fallback_detail) }),
      ms: Number(row.model_ms ?? 0),
    },
  };
}

export function toFeedback(row: Row): FeedbackRecord {
  return {
    questionId: String(row.question_id),
    userId: String(row.user_id),
    channel: row.channel as FeedbackRecord["channel"],
    value: row.value as FeedbackRecord["value"],
    ...(optional(row.reason) ?? { reason: row.reason as NonNullable<FeedbackRecord["reason"]> }),
    ...(optional(row.citation_ids) ?? { citationIds: JSON.parse(String(row.citation_ids)) as string[] }),
    at: String(row.at),
  };
}

/** Whether any id (PCODE:ARTICLE...) belongs to one of `pcodes`: the exact test after a LIKE prefilter. */
export function citesAny(ids: string[], pcodes: Set<string>): boolean {
  return ids.some((id) => pcodes.has(id.split(":")[0] ?? ""));
}

/** LIKE patterns that find a JSON array of clause ids holding a clause of each PCODE. */
export const citingPatterns = (pcodes: string[]) => pcodes.map((p) => `%"${p}:%`);

/** Columns bound for one record (camelCase names; missing optional fields bound as null). */
export const eventParams = (e: AssessmentEvent) => ({ itemId: null, result: null, note: null, ...e });
export const responseParams = (r: ResponseRecord) => ({
  note: null,
  userName: null,
  corpusVersion: null,
  ...r,
  notes: r.notes && r.notes.length > 0 ? JSON.stringify(r.notes) : null,
  clauseIds: JSON.stringify(r.clauseIds),
});
export const questionParams = (q: QuestionRecord) => {
  const { generation: g, ...rest } = q;
  return {
    corpusVersion: null,
    ...rest,
    citationIds: JSON.stringify(q.citationIds),
    citationVersions: q.citationVersions ? JSON.stringify(q.citationVersions) : null,
    answerMode: g?.mode ?? "offline",
    modelProvider: g?.provider ?? null,
    modelName: g?.model ?? null,
    shownClauseIds: g ? JSON.stringify(g.shownClauseIds) : null,
    sentencesKept: g ? JSON.stringify(g.kept) : null,
    sentencesDropped: g ? JSON.stringify(g.dropped) : null,
    fallbackReason: g?.fallbackReason ?? null,
    fallbackDetail: g?.fallbackDetail ?? null,
    modelMs: g?.ms ?? null,
  };
};
export const feedbackParams = (f: FeedbackRecord) => ({ ...f, reason: f.reason ?? null, citationIds: f.citationIds ? JSON.stringify(f.citationIds) : null });

/** The session changed under a turn (another process committed a turn of the same conversation first). */
export function sessionConflict(): AppError {
  return new AppError(ErrorCodes.STORE_CONFLICT, "The conversation was changed by another process during this turn");
}
