import { dirname } from "node:path";
import { fileURLToPath } from "node:url";

export * from "./schema.js";

/** The folder holding the knowledge files shipped with the product. */
export const KNOWLEDGE_DIR = dirname(fileURLToPath(import.meta.url));
