export * from "./answer/answer.js";
export { citeClause, composeAnswer } from "./answer/compose-answer.js";
export { clauseLabel, labelOf, statusLabel } from "./answer/labels.js";
export { SOURCE_LINE } from "./answer/messages.js";
export { renderAnswerText } from "./answer/render-text.js";
/** Who asks to see assessments and reports; the engine applies the sharing rule to it. */
export type { Viewer } from "./assessment/access.js";
/** Labels of an assessment's status and of an item's result, in the user's language. */
export { assessmentStatusLabel, resultLabel } from "./assessment/progress.js";
/** The report model the report writers render (xlsx, CSV, Markdown). */
export type { AssessmentReport } from "./assessment/report-model.js";
/** The answer log port (AssessmentStore) and the records it holds; adapters/store implements it. */
export type {
  AddedNote,
  AssessmentEvent,
  AssessmentRecord,
  AssessmentStatus,
  AssessmentStore,
  ChainHead,
  ChainVerification,
  EventType,
  FeedbackRecord,
  ProcessedTurn,
  QuestionRecord,
  ResponseRecord,
  SessionRecord,
  TurnWrite,
} from "./assessment/store.js";
/** Creates the assistant that answers a question with cited clauses (retrieval + composition). */
export { type Assistant, createAssistant } from "./assistant.js";
/** Creates the conversation engine every channel drives: questions, answers and self-assessments. */
export { createEngine } from "./conversation/create-engine.js";
/** The engine's interface: handle a turn, mark it delivered, list assessments, build a report. */
export type { Engine } from "./conversation/engine.js";
/** Runs tasks with the same key one after another (p-queue, concurrency 1 per key). */
export { createKeyedQueue, type KeyedQueue } from "./conversation/keyed-queue.js";
/** What a turn replies: parts (answer, item, recorded, why, status, lists, report, notice) for channels to render. */
export type { AssessmentOption, ChecklistOption, ItemView, RecordedView, Reply, ReplyPart, StatusView, WhyView } from "./conversation/reply.js";
/** A reply, or one part of it, as plain text (the terminal, and text fallbacks). */
export { renderPart, renderReplyText } from "./conversation/reply-text.js";
/** One user message or click, channel-agnostic, the channels it comes from and the actions it may carry. */
export { type ChannelName, COMMANDS, type Turn, type TurnAction } from "./conversation/turn.js";
/** The ports the engine declares for what lies outside it, and the system clock. */
export { type Clock, type Logger, systemClock } from "./ports.js";
