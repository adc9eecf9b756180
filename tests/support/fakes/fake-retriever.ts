import type { KnowledgeSource, RetrievalQuery, RetrievalResult, RetrievedArticle, Retriever } from "../../../knowledge/index.js";

/**
 * A Retriever that answers from rules written in the test, in the manner of langchainjs's
 * FakeRetriever: the first rule whose pattern matches the question gives the hits; no rule
 * = abstention. Hits of a repealed article are followed by its successors, as the real
 * pipelines do, when a knowledge source is given. Every query is kept in `queries`.
 */
export interface FakeRule {
  match: RegExp;
  /** Article ids, or clause ids to focus on (the article is derived). */
  hits?: string[];
  /** Abstain instead, with this result. */
  abstain?: Pick<RetrievalResult, "reason" | "unknownLaw" | "otherField">;
  cases?: string[];
}

export interface FakeRetriever extends Retriever {
  readonly queries: RetrievalQuery[];
}

export function createFakeRetriever(rules: FakeRule[], knowledge?: KnowledgeSource): FakeRetriever {
  const queries: RetrievalQuery[] = [];
  return {
    queries,
    async retrieve(query) {
      queries.push(query);
      const rule = rules.find((r) => r.match.test(query.text));
      if (!rule || rule.abstain || !rule.hits?.length) {
        return { hits: [], abstained: true, reason: rule?.abstain?.reason ?? "no_match", ...rule?.abstain, mentionedLaws: [], cases: [] };
      }
      const hits: RetrievedArticle[] = [];
      rule.hits.forEach((id, i) => {
        const [pcode, article, ...rest] = id.split(":");
        const articleId = `${pcode}:${article}`;
        hits.push({ articleId, score: 1 - i * 0.1, focus: rest.length ? [id] : [], source: "search" });
        const link = knowledge?.clause(articleId, query.lang)?.status === "repealed" ? knowledge.successorsOf(id, query.lang) : undefined;
        for (const to of link?.to ?? []) {
          const [p, a] = to.split(":");
          hits.push({ articleId: `${p}:${a}`, score: 0.5, focus: to.split(":").length > 2 ? [to] : [], source: "successor" });
        }
      });
      return { hits: hits.slice(0, query.limit ?? hits.length), abstained: false, mentionedLaws: [], cases: rule.cases ?? [] };
    },
  };
}
