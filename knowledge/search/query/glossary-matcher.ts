import type { GlossaryTerm } from "../../content/schema.js";
import { normalizeText } from "../text/normalize.js";

/** A glossary concept found in a question, and the words that found it. */
export interface ConceptMatch {
  term: GlossaryTerm;
  matched: string[];
}

export interface GlossaryMatcher {
  match(text: string): ConceptMatch[];
}

/**
 * Finds glossary concepts in text: Chinese variants by substring (spaces ignored, so
 * "上 patch" matches "上patch"), English variants as whole-word phrases, plural or not
 * ("data breaches" matches "data breach"). No stemming here: Porter maps "regulator" and
 * "regulation" to one stem, and a concept must not fire on a near miss.
 */
export function createGlossaryMatcher(terms: GlossaryTerm[]): GlossaryMatcher {
  const compiled = terms.map((term) => ({
    term,
    zh: [...term.zh, ...term.colloquial].map((v) => ({ variant: v, key: normalizeText(v).replace(/\s+/g, "") })).filter((v) => v.key.length > 0),
    en: term.en.map((v) => ({ variant: v, words: englishWords(v) })).filter((v) => v.words.length > 0),
  }));
  return {
    match(text: string): ConceptMatch[] {
      const compact = normalizeText(text).replace(/\s+/g, "");
      // "存了他哪些資料" is "存了哪些資料" said of someone: variants match with the pronoun left out too.
      const unpronounced = compact.replace(PRONOUNS, "");
      const wordLine = ` ${englishWords(text).join(" ")} `;
      const matches: ConceptMatch[] = [];
      for (const entry of compiled) {
        const matched: string[] = [];
        for (const { variant, key } of entry.zh) {
          // Latin-only colloquial variants (patch, log) must stand as words.
          if (
            /^[a-z0-9 .-]+$/.test(key)
              ? new RegExp(`(^|[^a-z0-9])${escapeRegExp(key)}($|[^a-z0-9])`).test(compact)
              : compact.includes(key) || unpronounced.includes(key)
          )
            matched.push(variant);
        }
        for (const { variant, words } of entry.en) if (wordLine.includes(` ${words.join(" ")} `)) matched.push(variant);
        if (matched.length > 0) matches.push({ term: entry.term, matched });
      }
      return matches;
    },
  };
}

const PRONOUNS = /(?:他們|她們|我們|你們|他|她|您|你)(?:的)?/g;

/**
 * Lower-case English words with a plural -s/-es and an agent -er removed ("breaches" ->
 * "breach", "retailers" -> "retail"): light enough that "regulator" and "regulation" stay apart.
 */
function englishWords(text: string): string[] {
  return (normalizeText(text).match(/[a-z0-9]+(?:-[a-z0-9]+)*/g) ?? []).map((word) => {
    let w = word.length > 4 && /(?:ches|shes|sses|xes)$/.test(word) ? word.slice(0, -2) : word.length > 3 && /[^s]s$/.test(word) ? word.slice(0, -1) : word;
    if (w.length > 6 && w.endsWith("er")) w = w.slice(0, -2);
    return w;
  });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
