import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export * from "./base/index.js";
export * from "./clause.js";
export * from "./content/schema.js";
export * from "./errors.js";
export * from "./language.js";
export * from "./ports.js";
export * from "./search/index.js";
export * from "./versions/index.js";

/** The folder holding the knowledge files shipped with the product (knowledge/content). */
export const KNOWLEDGE_DIR = join(dirname(fileURLToPath(import.meta.url)), "content");
