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
  /** The hits are exact references the question wrote (個資法第27條), not search results. */
  reference?: boolean;
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
      // One hit per article, its focus clauses in the rule's order; successors after their hit.
      const hits: RetrievedArticle[] = [];
      const add = (id: string, score: number, source: RetrievedArticle["source"]) => {
        const [pcode, article, ...rest] = id.split(":");
        const articleId = `${pcode}:${article}`;
        const focus = rest.length ? [id] : [];
        const hit = hits.find((h) => h.articleId === articleId);
        if (hit) hit.focus.push(...focus.filter((f) => !hit.focus.includes(f)));
        else hits.push({ articleId, score, focus, source });
        return articleId;
      };
      rule.hits.forEach((id, i) => {
        const articleId = add(id, 1 - i * 0.1, rule.reference ? "reference" : "search");
        const link = knowledge?.clause(articleId, query.lang)?.status === "repealed" ? knowledge.successorsOf(id, query.lang) : undefined;
        for (const to of link?.to ?? []) add(to, 0.5, "successor");
      });
      return { hits: hits.slice(0, query.limit ?? hits.length), abstained: false, mentionedLaws: [], cases: rule.cases ?? [] };
    },
  };
}
