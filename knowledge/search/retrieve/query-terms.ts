import type { Lang } from "../../clause.js";
import type { TranslationTable } from "../index/lexical-data.js";
import type { ConceptMatch, GlossaryMatcher } from "../query/glossary-matcher.js";
import type { Analyzer } from "../text/analyzer.js";

/** Relative weights of the evidence a query is made of. */
export interface QueryWeights {
  word: number;
  bigram: number;
  number: number;
  english: number;
  /** Statute wording added for a glossary concept named in the question. */
  concept: number;
  /** Chinese words an English question translates to (times t(zh|en)). */
  translation: number;
}

export const DEFAULT_QUERY_WEIGHTS: QueryWeights = {
  word: 1,
  bigram: 0.6,
  number: 1.5,
  english: 1,
  concept: 0.4,
  translation: 0.6,
};

export interface QueryTerms {
  terms: Map<string, number>;
  concepts: ConceptMatch[];
  /** The statute words the question was expanded with (glossary wording, translations). */
  expansions: string[];
}

export interface QueryTermDeps {
  analyzer: Analyzer;
  glossary: GlossaryMatcher;
  translation: TranslationTable;
  weights?: QueryWeights;
}

/** Weighted index terms of a question: its own words, glossary expansions and translations. */
export function buildQueryTerms(text: string, lang: Lang, deps: QueryTermDeps): QueryTerms {
  const weights = deps.weights ?? DEFAULT_QUERY_WEIGHTS;
  const terms = new Map<string, number>();
  const add = (term: string, weight: number) => terms.set(term, Math.max(terms.get(term) ?? 0, weight));
  for (const term of deps.analyzer.terms(text)) add(term, baseWeight(term, weights));

  const expansions = new Set<string>();
  const concepts = deps.glossary.match(text);
  for (const { term } of concepts) {
    for (const variant of term.zh) expansions.add(variant);
    // English synonyms only help an English question: for a Chinese one they would favour
    // the regulations that happen to have an English translation.
    for (const variant of lang === "en" ? [...term.zh, ...term.en] : term.zh) {
      for (const t of deps.analyzer.terms(variant)) add(t, baseWeight(t, weights) * weights.concept);
    }
  }
  if (lang === "en") {
    for (const stem of deps.analyzer.enStems(text)) {
      // Relative to the stem's best translation, so a word with many renderings is not
      // worth less than a word with one.
      const translations = deps.translation[stem] ?? [];
      const top = translations[0]?.[1] ?? 1;
      for (const [word, p] of translations) {
        if (p / top >= 0.3) expansions.add(word);
        for (const t of deps.analyzer.terms(word)) add(t, baseWeight(t, weights) * weights.translation * (p / top));
      }
    }
  }
  return { terms, concepts, expansions: [...expansions] };
}

function baseWeight(term: string, weights: QueryWeights): number {
  switch (term.slice(0, 2)) {
    case "w:":
      return weights.word;
    case "b:":
      return weights.bigram;
    case "n:":
      return weights.number;
    default:
      return weights.english;
  }
}
