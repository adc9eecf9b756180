import { describe, expect, it } from "vitest";
import type { Lang, RetrievalQuery, Retriever } from "../../../knowledge/index.js";

/**
 * What every Retriever must do, run against each implementation (the hybrid and bm25
 * pipelines over the real corpus, and the fake the engine tests use), in the manner of
 * hono's router test cases shared by every router. Cases name the questions and the
 * clauses they must find in that implementation's corpus.
 */
export interface RetrieverContractCases {
  /** A question that is nothing but an exact reference, in each language. */
  exact: Array<{ text: string; lang: Lang; articleId: string; focus?: string }>;
  /** A question that finds a clause of a repealed regulation, and the articles that carry its duty now. */
  repealed: { text: string; lang: Lang; articleId: string; successors: string[] };
  /** Questions about a law the corpus does not hold. */
  unknownLaw: Array<{ text: string; lang: Lang }>;
  /** A topical question with several hits. */
  broad: { text: string; lang: Lang };
  /** Unknown-law questions the implementation gets wrong today (reported); expected to fail until fixed. */
}

export function describeRetrieverContract(name: string, retriever: () => Retriever, cases: RetrieverContractCases): void {
  const ask = (query: RetrievalQuery) => retriever().retrieve(query);

  describe(`Retriever contract: ${name}`, () => {
    it.each(cases.exact)("puts an exact reference first, as a reference: $text", async ({ text, lang, articleId, focus }) => {
      const result = await ask({ text, lang });
      expect(result.abstained).toBe(false);
      expect(result.hits[0]).toMatchObject({ articleId, source: "reference" });
      if (focus) expect(result.hits[0]?.focus[0]).toBe(focus);
    });

    it("follows a hit of a repealed regulation with its successors", async () => {
      const { text, lang, articleId, successors } = cases.repealed;
      const result = await ask({ text, lang });
      const ids = result.hits.map((h) => h.articleId);
      const at = ids.indexOf(articleId);
      expect(at).toBeGreaterThanOrEqual(0);
      for (const successor of successors) {
        const hit = result.hits.find((h) => h.articleId === successor && h.source === "successor");
        expect(hit, `${successor} as a successor in ${ids.join(", ")}`).toBeDefined();
        expect(ids.indexOf(successor)).toBeGreaterThan(at);
      }
    });

    it.each(cases.unknownLaw)("abstains on a law it does not hold: $text", async ({ text, lang }) => {
      const result = await ask({ text, lang });
      expect(result).toMatchObject({ abstained: true, reason: "out_of_scope", hits: [] });
      expect(result.unknownLaw).toBeTruthy();
    });

    it.each([1, 2, 3])("returns at most limit=%i hits", async (limit) => {
      const result = await ask({ ...cases.broad, limit });
      expect(result.abstained).toBe(false);
      expect(result.hits.length).toBeGreaterThan(0);
      expect(result.hits.length).toBeLessThanOrEqual(limit);
    });

    it("gives the same hits in the same order every time, each article once", async () => {
      const first = await ask({ ...cases.broad, limit: 5 });
      for (let i = 0; i < 3; i++) expect(await ask({ ...cases.broad, limit: 5 })).toEqual(first);
      const ids = first.hits.map((h) => h.articleId);
      expect(new Set(ids).size).toBe(ids.length);
    });

    it("cites only ids of the form PCODE:ARTICLE, with focus inside the article", async () => {
      const result = await ask({ ...cases.broad, limit: 5 });
      for (const hit of result.hits) {
        expect(hit.articleId).toMatch(/^[A-Z]\d{7}:\d+(?:-\d+)?$/);
        for (const id of hit.focus) expect(id.startsWith(`${hit.articleId}:`)).toBe(true);
      }
    });
  });
}
