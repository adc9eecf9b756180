import type { Lang } from "../knowledge/clause.js";

/**
 * Ports the conversation engine declares for what lies outside it. Implementations live in
 * adapters/ (clock, logger, stores); tests use small fakes. Retrieval and the knowledge
 * source are declared by knowledge/ (knowledge/ports.ts).
 */

/** Where the engine reads the time (a fixed clock in tests, the system clock in adapters/runtime.ts). */
export interface Clock {
  now(): Date;
}

/** The system clock. */
export const systemClock: Clock = { now: () => new Date() };

export interface Logger {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
  child(bindings: Record<string, unknown>): Logger;
}

/** One clause shown to the model: its number in the prompt, id, label and verbatim text. */
export interface DraftClause {
  /** 1-based number the model cites. */
  n: number;
  id: string;
  label: string;
  text: string;
}

/** What the model is asked: the question (personal data already masked) and the numbered clauses. */
export interface DraftRequest {
  question: string;
  lang: Lang;
  clauses: DraftClause[];
}

/** A sentence as the model wrote it, with the numbers of the clauses it says it rests on. Unverified. */
export interface DraftSentence {
  text: string;
  clauses: number[];
}

export type DraftReply = { kind: "draft"; sentences: DraftSentence[] } | { kind: "refused"; detail: string };

/**
 * A language model that drafts an answer from given clauses only (the LangChain
 * implementation lives in adapters/llm). Rejects with an AppError: MODEL_TIMEOUT,
 * MODEL_RATE_LIMITED, MODEL_OUTPUT_INVALID or MODEL_FAILED. Nothing it returns is shown
 * before bot/answer/grounded has verified it.
 */
export interface ChatModel {
  /** openai | azure-openai | ollama | a fake's name; for the answer log. */
  readonly provider: string;
  /** The model (or deployment) name; for the answer log. */
  readonly model: string;
  draft(request: DraftRequest, options: { signal: AbortSignal }): Promise<DraftReply>;
}
