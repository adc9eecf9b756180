import type { HNSWLib } from "@langchain/community/vectorstores/hnswlib";
import type { Embeddings } from "@langchain/core/embeddings";
import type { VectorSearch } from "../retrieve/hybrid-retriever.js";

/** Vector search by article: the best similarity over the article's languages. */
export function createVectorSearch(store: HNSWLib, embeddings: Embeddings): VectorSearch {
  return {
    async search(text, k) {
      const query = await embeddings.embedQuery(text);
      const count = store.index.getCurrentCount();
      // HNSWLib returns cosine distance; similarity = 1 - distance.
      const results = await store.similaritySearchVectorWithScore(query, Math.min(count, k * 2));
      const best = new Map<string, number>();
      for (const [doc, distance] of results) {
        const id = String(doc.metadata.articleId);
        best.set(id, Math.max(best.get(id) ?? -1, 1 - distance));
      }
      return [...best].map(([id, similarity]) => ({ id, similarity })).slice(0, k);
    },
  };
}
