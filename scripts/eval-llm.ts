import { type Answer, unsupportedFacts } from "../bot/index.js";

/** What the model path did over an evaluation set (`npm run eval -- --llm`). */
export interface ModelSummary {
  provider: string;
  model: string;
  /** Answers whose lead is the model's verified sentences. */
  model_answers: number;
  /** Answers where the offline answer was given instead, by reason. */
  fallbacks: Record<string, number>;
  sentences_kept: number;
  sentences_dropped: number;
  dropped_by_reason: Record<string, number>;
  /**
   * Kept sentences that, checked again here against the quotes of the citations shown,
   * state a fact none of its clauses holds. Must be 0: every unverified sentence is dropped.
   */
  kept_unsupported: number;
  model_ms: { p50: number; p95: number };
}

/** Counts the model path's outcomes; undefined when no answer was made with a model configured. */
export function summarizeModel(answers: Answer[]): ModelSummary | undefined {
  const generated = answers.filter((a) => a.generation);
  const first = generated[0]?.generation;
  if (!first) return undefined;
  const count = (into: Record<string, number>, key: string) => {
    into[key] = (into[key] ?? 0) + 1;
  };
  const fallbacks: Record<string, number> = {};
  const droppedBy: Record<string, number> = {};
  let kept = 0;
  let dropped = 0;
  let keptUnsupported = 0;
  for (const answer of generated) {
    const g = answer.generation;
    if (!g) continue;
    if (g.fallbackReason) count(fallbacks, g.fallbackReason);
    dropped += g.dropped.length;
    for (const d of g.dropped) count(droppedBy, d.reason);
    if (g.mode !== "model") continue;
    kept += g.kept.length;
    const byId = new Map(answer.citations.map((c) => [c.id, c]));
    for (const sentence of g.kept) {
      const clauses = sentence.clauseIds.flatMap((id) => {
        const c = byId.get(id);
        return c ? [{ text: `${c.label}\n${c.quote}`, ...(c.authority ? { authority: c.authority } : {}) }] : [];
      });
      const missing = unsupportedFacts(sentence.text, clauses);
      if (clauses.length !== sentence.clauseIds.length || missing.length > 0) keptUnsupported++;
    }
  }
  const times = generated.map((a) => a.generation?.ms ?? 0).sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? 0;
  return {
    provider: first.provider,
    model: first.model,
    model_answers: generated.filter((a) => a.generation?.mode === "model").length,
    fallbacks,
    sentences_kept: kept,
    sentences_dropped: dropped,
    dropped_by_reason: droppedBy,
    kept_unsupported: keptUnsupported,
    model_ms: { p50: at(0.5), p95: at(0.95) },
  };
}
