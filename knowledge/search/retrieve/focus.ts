import type { ClauseRecord } from "../../clause.js";

/** A part must hold at least this share of the evidence found in all parts to be quoted alone. */
const MIN_SHARE = 0.15;
// "前項監督至少應包含下列事項": a paragraph that refers to the one before it.
const REFERS_BACK = /^前[一二三]?項/;

/**
 * Picks the paragraph or item of an article that answers the question best, so the bot
 * quotes 第8條第2項 rather than the whole article; undefined evidence quotes the article.
 * A paragraph that refers back ("前項…") comes with the paragraph it refers to.
 * Returns clause ids in document order.
 */
export function chooseFocus(
  parts: ClauseRecord[],
  query: Map<string, number>,
  idf: (term: string) => number,
  termsOf: (part: ClauseRecord) => Set<string>,
): string[] {
  const candidates = parts.filter((p) => p.level === "paragraph" || p.level === "item");
  if (candidates.length <= 1) return [];
  const scored = candidates.map((part) => {
    let score = 0;
    for (const term of termsOf(part)) score += (query.get(term) ?? 0) * idf(term);
    // Prefer the finer unit at equal evidence: an item over the paragraph that lists it.
    return { part, score: score * (part.level === "item" ? 1.05 : 1) };
  });
  const best = scored.reduce((a, b) => (b.score > a.score ? b : a));
  const total = scored.reduce((sum, s) => sum + s.score, 0);
  if (best.score <= 0 || best.score < total * MIN_SHARE) return [];
  const chosen = [best.part];
  const paragraph = best.part.path[0] ?? 1;
  if (best.part.level === "paragraph" && paragraph > 1 && REFERS_BACK.test(best.part.text)) {
    const previous = candidates.find((p) => p.level === "paragraph" && p.path[0] === paragraph - 1);
    if (previous) chosen.unshift(previous);
  }
  return chosen.map((p) => p.id);
}
