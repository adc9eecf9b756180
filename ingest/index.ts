export { loadCorpus } from "./corpus/load-corpus.js";
export { ensureIndex, type IndexOptions, type IndexReport, type OpenedIndex } from "./index/build-index.js";
export { parseMojFile } from "./moj/parse-moj-file.js";
export { paragraphText, splitArticle } from "./moj/split-article.js";
export { CURRENT as CURRENT_CORPUS } from "./sync/corpus-folder.js";
export { OPEN_DATA_COLLECTIONS } from "./sync/read-source.js";
export { runSync, type SyncOptions, type SyncReport } from "./sync/run-sync.js";
export { latestVersion } from "./versions/record-version.js";
