import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import type { ClauseRecord, Corpus, CorpusFile, CorpusProblem, RegulationRecord } from "../../knowledge/index.js";
import { parseMojFile } from "../moj/parse-moj-file.js";
import { createDuplicateGuard } from "./duplicate-guard.js";

/**
 * Lists the MOJ files under each directory: `DIR/zh/*.json`, `DIR/en/*.json` and
 * `DIR/*.json`, sorted so that the order (and every hash built on it) is stable.
 */
export function listCorpusFiles(dirs: string[]): { files: string[]; problems: CorpusProblem[] } {
  const files: string[] = [];
  const problems: CorpusProblem[] = [];
  for (const dir of dirs) {
    const folders = [dir, join(dir, "zh"), join(dir, "en")];
    let found = 0;
    for (const folder of folders) {
      let names: string[];
      try {
        if (!statSync(folder).isDirectory()) continue;
        names = readdirSync(folder);
      } catch {
        continue;
      }
      for (const name of names.filter((n) => n.toLowerCase().endsWith(".json")).sort()) {
        files.push(join(folder, name));
        found++;
      }
    }
    if (found === 0) problems.push({ file: dir, reason: "no regulation files (*.json, zh/*.json or en/*.json) in this directory" });
  }
  return { files, problems };
}

/** Reads and parses every regulation file; a bad file is reported and skipped, the rest still load. */
export function loadCorpus(dirs: string[], today: string): Corpus {
  const listed = listCorpusFiles(dirs);
  const problems = [...listed.problems];
  const regulations: RegulationRecord[] = [];
  const clauses: ClauseRecord[] = [];
  const files: CorpusFile[] = [];
  const firstOfItsKind = createDuplicateGuard(problems);
  for (const path of listed.files) {
    let raw: string;
    try {
      raw = readFileSync(path, "utf8");
    } catch (error) {
      problems.push({ file: path, reason: `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` });
      continue;
    }
    const result = parseMojFile(path, raw, today);
    if (!result.ok) {
      problems.push({ file: result.file, reason: result.reason });
      continue;
    }
    const { regulation } = result.value;
    if (!firstOfItsKind(path, regulation)) continue;
    for (const reason of result.value.skipped) problems.push({ file: path, reason });
    files.push({ path, raw });
    regulations.push(regulation);
    clauses.push(...result.value.clauses);
  }
  applyChineseStatus(regulations, clauses);
  return { regulations, clauses, files, problems };
}

/**
 * English files carry neither 生效日期 nor always the repeal flag: the Chinese text is
 * the authentic one, so its status decides for both languages.
 */
function applyChineseStatus(regulations: RegulationRecord[], clauses: ClauseRecord[]): void {
  const zhByPcode = new Map(regulations.filter((r) => r.lang === "zh").map((r) => [r.pcode, r]));
  const zhClauseStatus = new Map(clauses.filter((c) => c.lang === "zh").map((c) => [c.id, c.status]));
  for (const regulation of regulations) {
    const zh = zhByPcode.get(regulation.pcode);
    if (regulation.lang !== "en" || !zh) continue;
    regulation.status = zh.status;
    regulation.notInForceArticles = zh.notInForceArticles;
    if (zh.effectiveNote) regulation.effectiveNote = zh.effectiveNote;
  }
  for (const clause of clauses) {
    if (clause.lang !== "en") continue;
    const status = zhClauseStatus.get(clause.id) ?? zhClauseStatus.get(clause.articleId);
    if (status) clause.status = status;
  }
}
