export { type ClauseSource, createCorpusSource } from "./clause-source.js";
export { CLAUSE_STORE_FILES, decodeClauses, encodeClauses, openClauseStore, readBlob, type StoredBlob, type StoredRegulation } from "./clause-store.js";
export type { Corpus, CorpusFile, CorpusProblem } from "./corpus.js";
export { createKnowledgeBase, createKnowledgeBaseFrom, type KnowledgeBase } from "./knowledge-base.js";
export { type KnowledgeFiles, loadKnowledgeFiles } from "./load-knowledge-files.js";
