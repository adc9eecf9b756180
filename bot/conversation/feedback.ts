import type { Lang } from "../../knowledge/clause.js";
import { FEEDBACK_REASONS, type FeedbackReason, type QuestionRecord } from "../assessment/store.js";
import type { ActiveTurn } from "./active-turn.js";
import { messages } from "./messages.js";
import type { TurnAction } from "./turn.js";

const REASON_LABELS: Record<Lang, Record<FeedbackReason, string>> = {
  zh: { wrong_clause: "引用條文不對", outdated: "規定已過時", not_answered: "沒有回答問題", other: "其他" },
  en: { wrong_clause: "Wrong clause", outdated: "Outdated", not_answered: "Does not answer", other: "Other" },
};

/** The name of a 👎 reason in the reply language. */
export function feedbackReasonLabel(reason: FeedbackReason, lang: Lang): string {
  return REASON_LABELS[lang][reason];
}

/**
 * Records 👍 / 👎 with the question's citation ids. A 👎 without a reason is answered with
 * the reasons to pick from; the pick is recorded as a second 👎 carrying the reason.
 */
export function recordFeedback(ctx: ActiveTurn, question: QuestionRecord, action: Extract<TurnAction, { type: "feedback" }>): void {
  ctx.feedback.push({
    questionId: question.id,
    userId: ctx.turn.userId,
    channel: ctx.turn.channel,
    value: action.value,
    ...(action.reason ? { reason: action.reason } : {}),
    citationIds: question.citationIds,
    at: ctx.now,
  });
  const m = messages(ctx.lang);
  if (action.value === "down" && !action.reason) {
    ctx.say({
      kind: "feedback_reasons",
      questionId: question.id,
      prompt: m.feedbackWhy,
      options: FEEDBACK_REASONS.map((reason) => ({ reason, label: feedbackReasonLabel(reason, ctx.lang) })),
    });
    return;
  }
  ctx.notice(m.feedbackThanks);
}
