import { readFileSync } from "node:fs";
import { join } from "node:path";
import { HNSWLib } from "@langchain/community/vectorstores/hnswlib";
import type { Embeddings } from "@langchain/core/embeddings";
import { openClauseStore } from "../../base/clause-store.js";
import { createKnowledgeBaseFrom, type KnowledgeBase } from "../../base/knowledge-base.js";
import type { KnowledgeFiles } from "../../base/load-knowledge-files.js";
import type { DocInfo } from "../lexical/postings.js";
import type { VectorSearch } from "../retrieve/hybrid-retriever.js";
import { type LexicalSide, openLexicalSide } from "../retrieve/lexical-side.js";
import { INDEX_FILES, readTypedArray } from "./index-files.js";
import type { TranslationTable } from "./lexical-data.js";
import type { Manifest } from "./manifest.js";
import { createVectorSearch } from "./vector-search.js";

/** The searchable halves of a saved index, and the knowledge base over its clause store. */
export interface SearchIndex {
  kb: KnowledgeBase;
  lexical: LexicalSide;
  /** Absent when the index holds no vectors (none of its regulations is in the vector scope). */
  vectors?: VectorSearch;
}

interface SavedDocs {
  ids: string[];
  pcodes: string[];
  status: DocInfo["status"][];
}

/**
 * Opens a saved index read-only and checks it against its manifest; a string says why it
 * cannot be used (the builder in ingest/ then rebuilds it).
 */
export async function openIndex(dir: string, manifest: Manifest, files: KnowledgeFiles, embeddings: Embeddings): Promise<SearchIndex | string> {
  try {
    const store = openClauseStore(dir);
    if (store.entries.length !== manifest.counts.regulations) return "clause store does not match the manifest";
    const kb = createKnowledgeBaseFrom(store, files);
    const saved = JSON.parse(readFileSync(join(dir, INDEX_FILES.docs), "utf8")) as SavedDocs;
    if (!Array.isArray(saved.ids) || saved.ids.length === 0) return "lexical index is empty";
    const docs: DocInfo[] = saved.ids.map((id, i) => ({ id, pcode: saved.pcodes[i] ?? "", status: saved.status[i] ?? "in_force" }));
    const terms = JSON.parse(readFileSync(join(dir, INDEX_FILES.terms), "utf8")) as string[];
    const offsets = readTypedArray(dir, INDEX_FILES.offsets, Uint32Array);
    const postingDocs = readTypedArray(dir, INDEX_FILES.postingDocs, Int32Array);
    const tf = readTypedArray(dir, INDEX_FILES.postingTf, Float32Array);
    if (offsets.length !== terms.length + 1 || postingDocs.length !== tf.length || offsets[terms.length] !== tf.length)
      return "postings do not match their vocabulary";
    const translation = JSON.parse(readFileSync(join(dir, INDEX_FILES.translation), "utf8")) as TranslationTable;
    const lexical = openLexicalSide(kb, { docs, postings: { terms, offsets, docs: postingDocs, tf }, translation });
    if (manifest.counts.vectors === 0) return { kb, lexical };
    const args = JSON.parse(readFileSync(join(dir, INDEX_FILES.vectors, "args.json"), "utf8")) as { numDimensions?: number };
    if (args.numDimensions !== manifest.embedding.dimensions)
      return `vector dimensions ${args.numDimensions} do not match the manifest (${manifest.embedding.dimensions})`;
    const vectorStore = await HNSWLib.load(join(dir, INDEX_FILES.vectors), embeddings);
    if (vectorStore.index.getCurrentCount() !== manifest.counts.vectors) return "vector count does not match the manifest";
    return { kb, lexical, vectors: createVectorSearch(vectorStore, embeddings) };
  } catch (error) {
    return `saved index unreadable (${(error as Error).message})`;
  }
}
