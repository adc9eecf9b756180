export * from "./history.js";
export { openArticleHistory } from "./open-history.js";
export { VERSION_SCHEMA, VERSIONS_FILE } from "./version-schema.js";
