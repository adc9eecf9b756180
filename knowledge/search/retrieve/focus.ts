import type { ClauseRecord } from "../../clause.js";
import { type AnswerNeeds, carriesWithReferences, clauseCarries, fitOf } from "./answer-kinds.js";

/** A part must hold at least this share of the evidence found in all parts to be quoted alone. */
const MIN_SHARE = 0.15;
// "前項監督至少應包含下列事項": a paragraph that refers to the one before it.
const REFERS_BACK = /^前[一二三]?項|前項/;

export interface FocusInput {
  parts: ClauseRecord[];
  query: Map<string, number>;
  idf: (term: string) => number;
  termsOf: (part: ClauseRecord) => Set<string>;
  /** What the question asks for (deadline, amount ...; access vs deletion ...). */
  needs: AnswerNeeds;
  /** Text of an article of the same regulation, for the actions a part inherits from the one it cites. */
  articleText: (pcode: string, article: string) => string | undefined;
}

export interface Focus {
  /** Clause ids to quote, in document order; empty = the whole article. */
  ids: string[];
  /** How well the chosen part carries what the question asks (1 = neutral). */
  fit: number;
}

/**
 * Picks the paragraph or item of an article that answers the question best, so the bot
 * quotes 第8條第2項 rather than the whole article. The lexical evidence is weighed by what
 * the part carries: a deadline question prefers the paragraph with a duration, an access
 * request the paragraph about access rather than correction (PDPA Art. 13(1) vs 13(2)).
 * A paragraph that refers back ("前項…") comes with the paragraph it refers to.
 */
export function chooseFocus(input: FocusInput): Focus {
  const { parts, query, idf, termsOf, needs } = input;
  const candidates = parts.filter((p) => p.level === "paragraph" || p.level === "item");
  const whole = { ids: [], fit: articleFit(parts, input) };
  if (candidates.length <= 1) return whole;
  const scored = candidates.map((part) => {
    let lexical = 0;
    for (const term of termsOf(part)) lexical += (query.get(term) ?? 0) * idf(term);
    const fit = fitOf(
      needs,
      carriesWithReferences(part.text, (article) => input.articleText(part.pcode, article)),
    );
    // Prefer the finer unit at equal evidence: an item over the paragraph that lists it.
    return { part, lexical, fit, score: lexical * fit * (part.level === "item" ? 1.05 : 1) };
  });
  const best = scored.reduce((a, b) => (b.score > a.score ? b : a));
  const total = scored.reduce((sum, s) => sum + s.score, 0);
  if (best.score <= 0 || (best.score < total * MIN_SHARE && best.fit <= 1)) return whole;
  const chosen = [best.part];
  const paragraph = best.part.path[0] ?? 1;
  if (paragraph > 1 && REFERS_BACK.test(best.part.text)) {
    const previous = candidates.find((p) => p.level === "paragraph" && p.path[0] === paragraph - 1);
    if (previous) chosen.unshift(previous);
  }
  return { ids: chosen.map((p) => p.id), fit: best.fit };
}

function articleFit(parts: ClauseRecord[], input: FocusInput): number {
  const text = parts.map((p) => p.text).join("\n");
  return text === "" ? 1 : fitOf(input.needs, clauseCarries(text));
}
