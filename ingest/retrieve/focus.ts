import type { ClauseRecord } from "../../bot/index.js";
import type { Analyzer } from "../text/analyzer.js";

/**
 * Picks the paragraphs or items of an article that answer the question best, so the bot
 * quotes 第8條第2項 rather than the whole article. A part is chosen only when it holds
 * clearly more of the question's evidence than its siblings; otherwise the article stands.
 */
export function chooseFocus(parts: ClauseRecord[], query: Map<string, number>, idf: (term: string) => number, analyzer: Analyzer, max = 2): string[] {
  const candidates = parts.filter((p) => p.level === "paragraph" || p.level === "item");
  if (candidates.length <= 1) return [];
  const scored = candidates
    .map((part) => {
      let score = 0;
      for (const term of new Set(analyzer.terms(part.text))) score += (query.get(term) ?? 0) * idf(term);
      // Prefer the finer unit at equal evidence: an item over the paragraph that lists it.
      return { id: part.id, level: part.level, score: score * (part.level === "item" ? 1.05 : 1) };
    })
    .sort((a, b) => b.score - a.score);
  const best = scored[0];
  if (!best || best.score <= 0) return [];
  const total = scored.reduce((sum, s) => sum + s.score, 0);
  // One part holding most of the evidence of all parts: quote it alone.
  const chosen = scored.filter((s) => s.score >= best.score * 0.8).slice(0, max);
  return best.score / total >= 0.15 ? dropContained(chosen.map((c) => c.id)) : [];
}

/** J0080052:9:1 and J0080052:9:1:12 together: keep the finer one. */
function dropContained(ids: string[]): string[] {
  return ids.filter((id) => !ids.some((other) => other !== id && other.startsWith(`${id}:`)));
}
