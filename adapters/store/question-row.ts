import type { AnswerGeneration, QuestionRecord } from "../../bot/index.js";

type Row = Record<string, unknown>;

/**
 * A question as the columns of `questions` (migration 2 added how the answer was made;
 * the JSON columns hold arrays). Shared shape for every store of the answer log.
 */
export function questionRow(q: QuestionRecord): Row {
  const g = q.generation;
  return {
    id: q.id,
    channel: q.channel,
    userId: q.userId,
    conversationId: q.conversationId,
    messageId: q.messageId,
    question: q.question,
    lang: q.lang,
    abstained: q.abstained ? 1 : 0,
    citationIds: JSON.stringify(q.citationIds),
    askedAt: q.askedAt,
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
}

/** The generation record of a stored question; none when no model was configured then. */
export function generationOf(row: Row): { generation?: AnswerGeneration } {
  if (row.model_provider === null || row.model_provider === undefined) return {};
  return {
    generation: {
      mode: row.answer_mode === "model" ? "model" : "offline",
      provider: String(row.model_provider),
      model: String(row.model_name ?? ""),
      shownClauseIds: JSON.parse(String(row.shown_clause_ids ?? "[]")) as string[],
      kept: JSON.parse(String(row.sentences_kept ?? "[]")) as AnswerGeneration["kept"],
      dropped: JSON.parse(String(row.sentences_dropped ?? "[]")) as AnswerGeneration["dropped"],
      ...(row.fallback_reason ? { fallbackReason: row.fallback_reason as NonNullable<AnswerGeneration["fallbackReason"]> } : {}),
      ...(row.fallback_detail ? { fallbackDetail: String(row.fallback_detail) } : {}),
      ms: Number(row.model_ms ?? 0),
    },
  };
}
