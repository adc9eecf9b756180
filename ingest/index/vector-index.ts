import { createHash } from "node:crypto";
import { HNSWLib } from "@langchain/community/vectorstores/hnswlib";
import { Document } from "@langchain/core/documents";
import type { Embeddings } from "@langchain/core/embeddings";
import type { ClauseRecord } from "../../knowledge/index.js";
import type { EmbeddingCache } from "./embedding-cache.js";

/** One embedded text: an article in one language, with its law's name and chapter for context. */
export interface VectorChunk {
  articleId: string;
  lang: string;
  text: string;
  hash: string;
}

/** The texts the vector side embeds: every article that is not deleted, in each language. */
export function vectorChunks(articles: ClauseRecord[]): VectorChunk[] {
  return articles
    .filter((a) => a.status !== "deleted")
    .map((a) => {
      const text = [a.lawName, a.chapter ?? "", a.text].filter(Boolean).join("\n");
      return { articleId: a.articleId, lang: a.lang, text, hash: sha256(text) };
    });
}

export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

export interface EmbedReport {
  embedded: number;
  reused: number;
}

const BATCH = 256;

/** Embeds the chunks missing from the cache, in batches. */
export async function embedMissing(
  chunks: VectorChunk[],
  embeddings: Embeddings,
  cache: EmbeddingCache,
  onProgress?: (done: number, total: number) => void,
): Promise<EmbedReport> {
  const missing = [...new Map(chunks.filter((c) => !cache.get(c.hash)).map((c) => [c.hash, c])).values()];
  for (let i = 0; i < missing.length; i += BATCH) {
    const batch = missing.slice(i, i + BATCH);
    const vectors = await embeddings.embedDocuments(batch.map((c) => c.text));
    for (const [j, chunk] of batch.entries()) cache.set(chunk.hash, vectors[j] ?? []);
    onProgress?.(Math.min(i + BATCH, missing.length), missing.length);
  }
  return { embedded: missing.length, reused: chunks.length - missing.length };
}

/** Builds the HNSW graph from cached vectors (no model call). */
export async function buildVectorStore(chunks: VectorChunk[], embeddings: Embeddings, cache: EmbeddingCache): Promise<HNSWLib> {
  const vectors = chunks.map((c) => Array.from(cache.get(c.hash) ?? []));
  const dimensions = vectors[0]?.length ?? 0;
  const store = new HNSWLib(embeddings, { space: "cosine", numDimensions: dimensions });
  const docs = chunks.map((c) => new Document({ pageContent: c.hash, metadata: { articleId: c.articleId, lang: c.lang } }));
  await store.addVectors(vectors, docs);
  return store;
}
