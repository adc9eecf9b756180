export type { Corpus, CorpusFile, CorpusProblem } from "./corpus.js";
export { createKnowledgeBase, type KnowledgeBase } from "./knowledge-base.js";
export { type KnowledgeFiles, loadKnowledgeFiles } from "./load-knowledge-files.js";
