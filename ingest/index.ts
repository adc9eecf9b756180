export { loadCorpus } from "./corpus/load-corpus.js";
export { ensureIndex, type IndexOptions, type IndexReport, type OpenedIndex } from "./index/build-index.js";
export { parseMojFile } from "./moj/parse-moj-file.js";
