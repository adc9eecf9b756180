export { createNaiveRetriever } from "./baselines/naive-retriever.js";
export { type Corpus, type CorpusProblem, loadCorpus } from "./corpus/load-corpus.js";
export { createEmbeddings, type EmbeddingsConfig, type EmbeddingsProvider } from "./embeddings/create-embeddings.js";
export { HashingEmbeddings } from "./embeddings/hashing-embeddings.js";
export { type IndexOptions, type IndexReport, type OpenedIndex, openIndex } from "./index/open-index.js";
export type { KnowledgeBase } from "./knowledge/knowledge-base.js";
export { loadKnowledgeFiles, readYamlFile } from "./knowledge/load-knowledge-files.js";
export { parseMojFile } from "./moj/parse-moj-file.js";
export { createHybridRetriever, type HybridOptions } from "./retrieve/hybrid-retriever.js";
