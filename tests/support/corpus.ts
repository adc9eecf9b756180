import { cpSync, existsSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { tempFolder } from "../../adapters/channels/cli/temp-folder.js";

/** The official corpus the tests read (never copied into the repository). */
export function corpusDir(): string {
  const configured = process.env.REGULATIONS_DIR?.split(",")[0];
  const dir = resolve(configured ?? join(import.meta.dirname, "../../../shared/corpus/moj"));
  if (!existsSync(join(dir, "zh"))) {
    throw new Error(`Regulation corpus not found at ${dir}: set REGULATIONS_DIR to the MOJ open-data folder (../shared/corpus/moj).`);
  }
  return dir;
}

/** A fresh temporary directory, removed by the returned cleanup. */
export function tempDir(prefix = "ca-test-"): { path: string; cleanup: () => void } {
  return tempFolder(prefix);
}

export const KNOWLEDGE = resolve(import.meta.dirname, "../../knowledge/content");

/**
 * A copy of the knowledge files in `dataDir` whose checklists are replaced by one fixture,
 * so channel tests do not move when the real checklists change. Returns the folder.
 */
export function knowledgeWithChecklist(dataDir: string, checklistFile: string): string {
  const knowledgeDir = join(dataDir, "knowledge");
  cpSync(KNOWLEDGE, knowledgeDir, { recursive: true, filter: (src) => !src.endsWith(".ts") });
  rmSync(join(knowledgeDir, "checklists"), { recursive: true, force: true });
  cpSync(checklistFile, join(knowledgeDir, "checklists", checklistFile.replace(/^.*[\\/]/, "")));
  return knowledgeDir;
}
