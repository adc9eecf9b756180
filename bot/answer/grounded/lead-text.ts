import type { Lang } from "../../../knowledge/clause.js";
import type { Citation } from "../answer.js";
import type { KeptSentence } from "./generation.js";

/**
 * The lead of a model answer: one verified sentence a line, each with the labels of the
 * clauses it rests on, placed before its closing punctuation:
 * 「……七十二小時內通報（《…辦法》第8條第2項）。」
 */
export function groundedLeadText(kept: KeptSentence[], citations: Citation[], lang: Lang): string {
  const labelOf = new Map(citations.map((c) => [c.id, c.label]));
  return kept
    .map((sentence) => {
      const labels = sentence.clauseIds.map((id) => labelOf.get(id) ?? id);
      if (labels.length === 0) return sentence.text;
      // A final "." after a digit is an item marker ("1."), not the end of the sentence: it stays.
      const end = /(?:[。．！!？?；;]|(?<!\d)\.)+$/.exec(sentence.text)?.[0] ?? "";
      const body = sentence.text.slice(0, sentence.text.length - end.length);
      const closing = end || (lang === "en" ? "." : "。");
      return lang === "en" ? `${body} (${labels.join("; ")})${closing}` : `${body}（${labels.join("、")}）${closing}`;
    })
    .join("\n");
}
