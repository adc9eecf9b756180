import { describe, expect, it } from "vitest";
import { GlossarySchema } from "../../../../../knowledge/content/schema.js";
import { createGlossaryMatcher } from "../../../../../knowledge/search/query/glossary-matcher.js";
import { buildQueryTerms, DEFAULT_QUERY_WEIGHTS as W } from "../../../../../knowledge/search/retrieve/query-terms.js";
import { createAnalyzer } from "../../../../../knowledge/search/text/analyzer.js";

const glossary = GlossarySchema.parse({
  terms: [
    { id: "outsourcing", zh: ["委託"], colloquial: ["委外"], en: ["outsourcing"] },
    { id: "customer", zh: ["顧客"], en: ["customer"], generic: true },
  ],
});
const deps = {
  analyzer: createAnalyzer(["委外"]),
  glossary: createGlossaryMatcher(glossary.terms),
  translation: { notifi: [["通報", 0.5] as [string, number], ["告知", 0.25] as [string, number]] },
};

describe("buildQueryTerms", () => {
  it("weighs the question's own words, bigrams and numbers by kind", () => {
    const { terms } = buildQueryTerms("委外第27條", "zh", deps);
    expect(terms.get("w:委外")).toBe(W.word);
    expect(terms.get("b:委外")).toBe(W.bigram);
    expect(terms.get("n:27")).toBe(W.number);
  });

  it("adds the statute wording of a glossary concept at the concept weight, keeping the higher weight of a repeated term", () => {
    const { terms, concepts } = buildQueryTerms("委外要注意什麼", "zh", deps);
    expect(concepts.map((c) => [c.term.id, c.matched])).toEqual([["outsourcing", ["委外"]]]);
    expect(terms.get("w:委託")).toBeCloseTo(W.word * W.concept, 12);
    expect(terms.get("b:委託")).toBeCloseTo(W.bigram * W.concept, 12);
    expect(terms.get("w:委外")).toBe(W.word);
  });

  it("adds English synonyms of a concept only to an English question", () => {
    expect(buildQueryTerms("委外", "zh", deps).terms.has("e:outsourc")).toBe(false);
    const english = buildQueryTerms("outsourcing rules", "en", deps).terms;
    expect(english.get("e:outsourc")).toBe(W.english);
    expect(english.get("w:委託")).toBeCloseTo(W.word * W.concept, 12);
  });

  it("carries English words into Chinese through the translation table, relative to the best translation", () => {
    const { terms } = buildQueryTerms("who must be notified", "en", deps);
    expect(terms.get("e:notifi")).toBe(W.english);
    expect(terms.get("w:通報")).toBeCloseTo(W.word * W.translation, 12);
    expect(terms.get("b:通報")).toBeCloseTo(W.bigram * W.translation, 12);
    expect(terms.get("b:告知")).toBeCloseTo(W.bigram * W.translation * 0.5, 12);
    expect(buildQueryTerms("who must be notified", "zh", deps).terms.has("b:通報")).toBe(false);
  });

  it("takes other weights when given", () => {
    const weights = { ...W, number: 9 };
    expect(buildQueryTerms("第27條", "zh", { ...deps, weights }).terms.get("n:27")).toBe(9);
  });
});
