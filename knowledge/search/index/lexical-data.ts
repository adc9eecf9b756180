import type { ClauseStatus } from "../../clause.js";

/**
 * One retrievable unit per article (its Chinese and English text together, so an
 * English question can meet either), with the fields BM25F weighs separately.
 */
export interface SearchDoc {
  id: string;
  pcode: string;
  status: ClauseStatus;
  fields: {
    /** Official text in the authentic language (Chinese when present). */
    body: string[];
    /** Official English translation, when one exists. */
    en: string[];
    /** Regulation names and aliases. */
    name: string[];
    chapter: string[];
    /** Our plain-language note and its everyday keywords. */
    notes: string[];
  };
}

/** English stem -> Chinese words with t(zh | en), best first (learned at ingest, IBM Model 1). */
export type TranslationTable = Record<string, Array<[string, number]>>;

/** The lexical half of the index as persisted in `lexical.json`. */
export interface LexicalData {
  docs: SearchDoc[];
  translation: TranslationTable;
}
