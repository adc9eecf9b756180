import { HNSWLib } from "@langchain/community/vectorstores/hnswlib";
import { Document } from "@langchain/core/documents";
import type { Embeddings } from "@langchain/core/embeddings";
import { RecursiveCharacterTextSplitter } from "@langchain/textsplitters";
import type { ClauseRecord } from "../../clause.js";
import type { RetrievalResult, Retriever } from "../../ports.js";

/**
 * The textbook LangChain RAG, kept as the baseline the eval compares against: each
 * regulation's text split by RecursiveCharacterTextSplitter (1000/200), embedded with the
 * same model as ours, HNSWLib top-k. A chunk is attributed to the article it starts in.
 * It never abstains.
 */
export async function createNaiveRetriever(articles: ClauseRecord[], embeddings: Embeddings, k = 5): Promise<Retriever> {
  const splitter = new RecursiveCharacterTextSplitter({ chunkSize: 1000, chunkOverlap: 200 });
  const docs: Document[] = [];
  const byLaw = new Map<string, ClauseRecord[]>();
  for (const article of articles) {
    const key = `${article.pcode}|${article.lang}`;
    byLaw.set(key, [...(byLaw.get(key) ?? []), article]);
  }
  for (const list of byLaw.values()) {
    let text = "";
    const starts: Array<{ offset: number; id: string }> = [];
    for (const article of list) {
      starts.push({ offset: text.length, id: article.articleId });
      text += `${article.lang === "en" ? `Article ${article.article}` : `第 ${article.article} 條`}\n${article.text}\n\n`;
    }
    let cursor = 0;
    for (const chunk of await splitter.splitText(text)) {
      const at = text.indexOf(chunk, Math.max(0, cursor - 400));
      const offset = at >= 0 ? at : cursor;
      cursor = offset + 1;
      const id = starts.filter((s) => s.offset <= offset).at(-1)?.id ?? starts[0]?.id ?? "";
      docs.push(new Document({ pageContent: chunk, metadata: { articleId: id } }));
    }
  }
  const store = await HNSWLib.fromDocuments(docs, embeddings);
  return {
    async retrieve(query): Promise<RetrievalResult> {
      const results = await store.similaritySearchWithScore(query.text, k * 3);
      const ids = [...new Set(results.map(([doc]) => String(doc.metadata.articleId)))].slice(0, query.limit ?? k);
      return {
        hits: ids.map((articleId, i) => ({ articleId, score: 1 - i / 10, focus: [], source: "search" as const })),
        abstained: false,
        mentionedLaws: [],
        cases: [],
      };
    },
  };
}
