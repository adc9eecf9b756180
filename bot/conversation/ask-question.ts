import { articleIdOf, type Lang } from "../../knowledge/clause.js";
import { detectLang } from "../../knowledge/language.js";
import { maskPersonalData, personalDataLabel } from "../privacy/mask-personal-data.js";
import type { ActiveTurn } from "./active-turn.js";
import { newId } from "./ids.js";
import { messages } from "./messages.js";

// A question in the middle of an assessment is answered, not read as 是/否: "這題的委外是指什麼？"
const QUESTION = /[?？]\s*$|嗎|什麼|甚麼|怎麼|如何|哪些|哪裡|哪個|為何|請問|是否|^(what|how|why|which|when|where|who|can|could|does|do|is|are|should|must)\b/i;

/** Ends with a question mark, or its first clause asks ("有嗎", "what does ..."); "有，但是否…" is an answer. */
export function looksLikeQuestion(text: string): boolean {
  const trimmed = text.trim();
  const head = trimmed.split(/[，,。.;；:：！!\n]/)[0] ?? trimmed;
  return /[?？]\s*$/.test(trimmed) || QUESTION.test(head);
}

/**
 * Answers a question with citations and keeps it in the answer log, masked. In an
 * assessment the item's clauses are the context ("這題…"); otherwise the last answer's.
 * The answer is in the question's own language, also in an assessment held in another.
 */
export async function askQuestion(ctx: ActiveTurn, text: string, itemClauses?: string[]): Promise<void> {
  const lang: Lang = /[a-z\p{Script=Han}]/iu.test(text) ? detectLang(text) : ctx.lang;
  const context = itemClauses ? itemClauses.map(articleIdOf) : ctx.session.context;
  const onModelStart = ctx.hooks.onModelStart;
  const answer = await ctx.deps.assistant.ask(text, { lang, ...(context?.length ? { context } : {}), ...(onModelStart ? { onModelStart } : {}) });
  const masked = maskPersonalData(text, lang);
  const questionId = newId("q");
  ctx.questions.push({
    id: questionId,
    channel: ctx.turn.channel,
    userId: ctx.turn.userId,
    conversationId: ctx.turn.conversationId,
    messageId: ctx.turn.messageId,
    question: masked.text,
    lang,
    abstained: answer.abstained,
    citationIds: answer.citations.map((c) => c.id),
    askedAt: ctx.now,
    ...(answer.generation ? { generation: answer.generation } : {}),
    ...(answer.citations.some((c) => c.version)
      ? { citationVersions: Object.fromEntries(answer.citations.flatMap((c) => (c.version ? [[c.id, c.version]] : []))) }
      : {}),
  });
  const g = answer.generation;
  if (g?.fallbackReason && g.fallbackReason !== "abstained") {
    // Why the offline answer was given although a model is configured (no user text in the log).
    ctx.deps.logger.warn(
      { question: questionId, provider: g.provider, model: g.model, reason: g.fallbackReason, detail: g.fallbackDetail, dropped: g.dropped.length, ms: g.ms },
      "model answer not used: offline answer given",
    );
  }
  if (!answer.abstained) ctx.session = { ...ctx.session, context: answer.citations.map((c) => c.articleId) };
  // The reply is stored for retries: it must not keep the question's personal data either.
  ctx.say({ kind: "answer", answer: { ...answer, question: masked.text }, questionId });
  if (masked.kinds.length > 0) {
    ctx.notice(messages(lang).questionMasked(masked.kinds.map((k) => personalDataLabel(k, lang)).join("、")), "warning");
  }
}
