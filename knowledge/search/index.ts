export { createEmbeddings, type EmbeddingsChoice, type EmbeddingsConfig, type EmbeddingsProvider } from "./embeddings/create-embeddings.js";
export { fnv1a, HashingEmbeddings } from "./embeddings/hashing-embeddings.js";
export { INDEX_FILES } from "./index/index-files.js";
export type { LexicalData, TranslationTable } from "./index/lexical-data.js";
export { INDEX_FORMAT, type Manifest, readManifest } from "./index/manifest.js";
export { openIndex, type SearchIndex } from "./index/open-index.js";
export { type DocInfo, FIELD_SPECS, type Postings, SEARCH_FIELDS, type SearchField } from "./lexical/postings.js";
export { createGlossaryMatcher, type GlossaryMatcher } from "./query/glossary-matcher.js";
export {
  type Action,
  type AnswerKind,
  type AnswerNeeds,
  articleReferences,
  carriesWithReferences,
  clauseCarries,
  fitOf,
  questionNeeds,
} from "./retrieve/answer-kinds.js";
export { createHybridRetriever, type HybridOptions, type VectorSearch } from "./retrieve/hybrid-retriever.js";
export { createDomainAnalyzer, type LexicalSide } from "./retrieve/lexical-side.js";
export { createNaiveRetriever } from "./retrieve/naive-retriever.js";
export type { Analyzer } from "./text/analyzer.js";
export { BIG_UNITS, DIGITS, UNITS } from "./text/numerals.js";
