import { LRUCache } from "lru-cache";
import { type Citation, citeClause } from "../../../bot/index.js";
import type { KnowledgeSource, Lang } from "../../../knowledge/index.js";

/**
 * The clauses behind "閱讀全文" buttons. A button carries only the clause id (values are
 * limited to 2000 characters); the text comes from the answers this process rendered or,
 * when the composition root passes it, from the knowledge source.
 */
export function createCitationCache(knowledge?: KnowledgeSource, max = 2_000) {
  const cache = new LRUCache<string, Citation>({ max });
  return {
    remember(citations: Citation[], lang: Lang): void {
      for (const c of citations) cache.set(`${lang}|${c.id}`, c);
    },
    find(id: string, lang: Lang): Citation | undefined {
      return cache.get(`${lang}|${id}`) ?? (knowledge ? citeClause(id, lang, knowledge) : undefined);
    },
  };
}

export type CitationCache = ReturnType<typeof createCitationCache>;
