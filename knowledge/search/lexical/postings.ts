import type { ClauseStatus } from "../../clause.js";
import type { FieldSpec } from "./bm25f.js";

/**
 * The lexical index as the build writes it: one posting list per term in compressed-row
 * form (term t owns positions offsets[t] .. offsets[t+1] of docs and tf), with the BM25F
 * field weighting and length normalisation already applied to tf. Typed arrays, so 40 M
 * postings of the national database take 8 bytes each instead of an object each.
 */
export interface Postings {
  terms: string[];
  offsets: Uint32Array;
  docs: Int32Array;
  tf: Float32Array;
}

/** What the retriever needs of each search document (one per article id). */
export interface DocInfo {
  id: string;
  pcode: string;
  status: ClauseStatus;
}

/** The fields of a search document and their BM25F weights; the law's name counts for every article of that law. */
export const FIELD_SPECS: Record<SearchField, FieldSpec> = {
  body: { weight: 1, b: 0.75 },
  en: { weight: 1, b: 0.75 },
  name: { weight: 0.3, b: 0.3 },
  chapter: { weight: 0.3, b: 0.3 },
  notes: { weight: 0.6, b: 0.5 },
};

export type SearchField = "body" | "en" | "name" | "chapter" | "notes";

export const SEARCH_FIELDS: SearchField[] = ["body", "en", "name", "chapter", "notes"];
