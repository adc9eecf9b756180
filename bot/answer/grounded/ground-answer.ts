import { AppError, ErrorCodes, isAppError } from "../../../knowledge/index.js";
import type { ChatModel, DraftReply } from "../../ports.js";
import type { Answer } from "../answer.js";
import { warningText } from "../messages.js";
import { renderAnswerText } from "../render-text.js";
import { type AnswerGeneration, type FallbackReason, generatedLabel } from "./generation.js";
import { groundedLeadText } from "./lead-text.js";
import { type VerifiableClause, verifyDraft } from "./verify-draft.js";

export interface GroundingDeps {
  model: ChatModel;
  /** How long the model may take before the offline answer is given (default 8 s). */
  timeoutMs: number;
}

/**
 * Asks the model to answer from the offline answer's clauses only, verifies every sentence
 * and returns the model answer, or the offline answer with the reason when nothing verified
 * remains or the model fails. `question` must already be masked: it is sent to the model.
 */
export async function groundAnswer(offline: Answer, question: string, deps: GroundingDeps, onStart?: () => void | Promise<void>): Promise<Answer> {
  const started = performance.now();
  const record = (fields: Partial<AnswerGeneration>): AnswerGeneration => ({
    mode: "offline",
    provider: deps.model.provider,
    model: deps.model.model,
    shownClauseIds: [],
    kept: [],
    dropped: [],
    ...fields,
    ms: Math.round(performance.now() - started),
  });
  if (offline.abstained || offline.citations.length === 0) return { ...offline, generation: record({ fallbackReason: "abstained" }) };

  // A clause's 本部 stands for the authority that issued its regulation (citation.authority).
  const clauses: VerifiableClause[] = offline.citations.map((c, i) => ({
    n: i + 1,
    id: c.id,
    label: c.label,
    text: c.quote,
    ...(c.authority ? { authority: c.authority } : {}),
  }));
  const shownClauseIds = clauses.map((c) => c.id);
  const fallback = (fallbackReason: FallbackReason, fallbackDetail?: string, more: Partial<AnswerGeneration> = {}): Answer => ({
    ...offline,
    generation: record({ shownClauseIds, fallbackReason, ...(fallbackDetail ? { fallbackDetail } : {}), ...more }),
  });

  let reply: DraftReply;
  try {
    // The working state is the channel's business: not awaited (the model starts at once),
    // and its failure must not cost the answer.
    if (onStart)
      void Promise.resolve()
        .then(onStart)
        .catch(() => undefined);
    reply = await withTimeout(deps.timeoutMs, (signal) =>
      deps.model.draft({ question, lang: offline.lang, clauses: clauses.map(({ authority: _, ...c }) => c) }, { signal }),
    );
  } catch (error) {
    return fallback(reasonOf(error), (error as Error).message?.slice(0, 300));
  }
  if (reply.kind === "refused") return fallback("refused", reply.detail.slice(0, 300));
  if (reply.sentences.length === 0) return fallback("refused", "no sentences");

  const { kept, dropped } = verifyDraft(reply.sentences, clauses);
  if (kept.every((s) => s.clauseIds.length === 0)) return fallback("nothing_verified", undefined, { kept, dropped });

  // What the kept sentences rest on comes first; the offline answer's other clauses (chosen
  // because the answer rests on them or the asker needs them next) follow.
  const used = new Set(kept.flatMap((s) => s.clauseIds));
  const citations = [...offline.citations.filter((c) => used.has(c.id)), ...offline.citations.filter((c) => !used.has(c.id))];
  const lang = offline.lang;
  const answer: Answer = {
    ...offline,
    lead: groundedLeadText(kept, citations, lang),
    citations,
    warnings: [...new Set(citations.flatMap((c) => warningText(c, lang) ?? []))],
    generation: record({ mode: "model", shownClauseIds, kept, dropped }),
  };
  answer.text = `${generatedLabel(lang)}\n\n${renderAnswerText(answer)}`;
  return answer;
}

/** Runs `work` with an abort signal that fires after `ms`; a timeout rejects with MODEL_TIMEOUT even if `work` ignores the signal. */
async function withTimeout<T>(ms: number, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new AppError(ErrorCodes.MODEL_TIMEOUT, `the model did not answer within ${ms} ms`);
      controller.abort(error);
      reject(error);
    }, ms);
  });
  try {
    return await Promise.race([work(controller.signal), timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

function reasonOf(error: unknown): FallbackReason {
  if (isAppError(error, ErrorCodes.MODEL_TIMEOUT)) return "timeout";
  if (isAppError(error, ErrorCodes.MODEL_RATE_LIMITED)) return "rate_limited";
  if (isAppError(error, ErrorCodes.MODEL_OUTPUT_INVALID)) return "malformed_output";
  return "model_error";
}
