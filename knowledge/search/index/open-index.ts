import { readFileSync } from "node:fs";
import { join } from "node:path";
import { HNSWLib } from "@langchain/community/vectorstores/hnswlib";
import type { Embeddings } from "@langchain/core/embeddings";
import type { KnowledgeBase } from "../../base/knowledge-base.js";
import type { VectorSearch } from "../retrieve/hybrid-retriever.js";
import { type LexicalSide, openLexicalSide } from "../retrieve/lexical-side.js";
import type { LexicalData } from "./lexical-data.js";
import type { Manifest } from "./manifest.js";
import { createVectorSearch } from "./vector-search.js";

/** The searchable halves of a saved index. */
export interface SearchIndex {
  lexical: LexicalSide;
  vectors: VectorSearch;
}

/**
 * Opens a saved index read-only and checks it against its manifest; a string says why it
 * cannot be used (the builder in ingest/ then rebuilds it).
 */
export async function openIndex(dir: string, manifest: Manifest, kb: KnowledgeBase, embeddings: Embeddings): Promise<SearchIndex | string> {
  try {
    const saved = JSON.parse(readFileSync(join(dir, "lexical.json"), "utf8")) as LexicalData;
    const args = JSON.parse(readFileSync(join(dir, "vectors", "args.json"), "utf8")) as { numDimensions?: number };
    if (args.numDimensions !== manifest.embedding.dimensions)
      return `vector dimensions ${args.numDimensions} do not match the manifest (${manifest.embedding.dimensions})`;
    const store = await HNSWLib.load(join(dir, "vectors"), embeddings);
    if (store.index.getCurrentCount() !== manifest.counts.vectors) return "vector count does not match the manifest";
    if (!Array.isArray(saved.docs) || saved.docs.length === 0) return "lexical index is empty";
    return { lexical: openLexicalSide(kb, saved), vectors: createVectorSearch(store, embeddings) };
  } catch (error) {
    return `saved index unreadable (${(error as Error).message})`;
  }
}
