import type { Lang } from "../../../knowledge/clause.js";

/**
 * Why a configured model's answer was not shown and the offline answer was given instead.
 * `abstained`: the offline answer declined, so there was nothing to show the model.
 */
export type FallbackReason = "abstained" | "model_error" | "timeout" | "rate_limited" | "malformed_output" | "refused" | "nothing_verified";

/** Why a sentence of the model was dropped. */
export type DropReason =
  /** It cites a clause number that was not given. */
  | "unknown_clause"
  /** A number, duration, amount, date or authority in it appears in none of its cited clauses. */
  | "unsupported_fact"
  /** It cites no clause but states a rule. */
  | "uncited_rule"
  | "empty"
  /** Beyond the most sentences a lead may have (MAX_SENTENCES). */
  | "too_many";

export interface KeptSentence {
  text: string;
  clauseIds: string[];
}

export interface DroppedSentence {
  text: string;
  /** The clause numbers as the model gave them. */
  clauses: number[];
  reason: DropReason;
  /** For unsupported_fact: the facts no cited clause holds. */
  facts?: string[];
}

/** How an answer was made, for the answer log; present whenever a model is configured. */
export interface AnswerGeneration {
  /** `model`: the lead is the model's verified sentences; `offline`: the extractive answer. */
  mode: "offline" | "model";
  provider: string;
  model: string;
  /** Clause ids shown to the model, in prompt order (number n is index n-1). */
  shownClauseIds: string[];
  kept: KeptSentence[];
  dropped: DroppedSentence[];
  fallbackReason?: FallbackReason;
  /** The error behind a fallback, for operators (no user text). */
  fallbackDetail?: string;
  ms: number;
}

const GENERATED_LABEL: Record<Lang, string> = {
  zh: "由模型整理，以引用條文為準",
  en: "AI-generated; the cited clauses are authoritative",
};

/** The mark every model-written answer carries, in the answer's language. */
export function generatedLabel(lang: Lang): string {
  return GENERATED_LABEL[lang];
}
