export * from "./answer/answer.js";
export { AUTHORITY_NAMES, issuingAuthority } from "./answer/authorities.js";
export { citeClause, composeAnswer } from "./answer/compose-answer.js";
export { type Draft, DraftSchema } from "./answer/grounded/draft-schema.js";
export * from "./answer/grounded/generation.js";
export type { GroundingDeps } from "./answer/grounded/ground-answer.js";
export { extractFacts, type Fact, type FactKind, findUnsupported, type GroundingClause, unsupportedFacts } from "./answer/grounding.js";
export { clauseLabel, labelOf, promulgatedHeading, statusLabel } from "./answer/labels.js";
export { SOURCE_LINE } from "./answer/messages.js";
export { renderAnswerText } from "./answer/render-text.js";
/** Who asks to see assessments and reports; the engine applies the sharing rule to it. */
export type { Viewer } from "./assessment/access.js";
/** Labels of an assessment's status and of an item's result, in the user's language. */
export { assessmentStatusLabel, resultLabel } from "./assessment/progress.js";
export * from "./assessment/report-model.js";
export * from "./assessment/store.js";
export * from "./assistant.js";
export { type AffectedClause, affectedClauses, type ChangeReason } from "./changes/affected.js";
export { findImpact, type ImpactReport } from "./changes/impact.js";
export { renderChanges, renderImpact } from "./changes/render-changes.js";
export { createEngine } from "./conversation/create-engine.js";
/** The engine's interface: handle a turn, mark it delivered, list assessments, build a report. */
export type { Engine, TurnHooks } from "./conversation/engine.js";
/** Runs tasks with the same key one after another (p-queue, concurrency 1 per key). */
export { createKeyedQueue, type KeyedQueue } from "./conversation/keyed-queue.js";
/** What a turn replies: parts (answer, item, recorded, why, status, lists, report, notice) for channels to render. */
export type { AssessmentOption, ChecklistOption, ItemView, RecordedView, Reply, ReplyPart, StatusView, WhyView } from "./conversation/reply.js";
/** A reply, or one part of it, as plain text (the terminal, and text fallbacks). */
export { renderPart, renderReplyText } from "./conversation/reply-text.js";
/** One user message or click, channel-agnostic, the channels it comes from and the actions it may carry. */
export { type ChannelName, COMMANDS, type Turn, type TurnAction } from "./conversation/turn.js";
/** The ports the engine declares for what lies outside it (incl. the language model that drafts grounded answers), and the system clock. */
export { type ChatModel, type Clock, type DraftClause, type DraftReply, type DraftRequest, type DraftSentence, type Logger, systemClock } from "./ports.js";
