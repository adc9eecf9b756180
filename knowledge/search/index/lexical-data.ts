import type { DocInfo, Postings } from "../lexical/postings.js";

/** English stem -> Chinese words with t(zh | en), best first (learned at ingest, IBM Model 1). */
export type TranslationTable = Record<string, Array<[string, number]>>;

/** The lexical half of the index: search documents (one per article), their postings and the translation table. */
export interface LexicalData {
  docs: DocInfo[];
  postings: Postings;
  translation: TranslationTable;
}
