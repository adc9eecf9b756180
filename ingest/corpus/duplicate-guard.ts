import type { CorpusProblem, RegulationRecord } from "../../knowledge/index.js";

/**
 * The first file of a PCODE and language wins (files are read in a stable order); a later
 * one is reported as a problem and skipped. Returns true when `regulation` may be used.
 */
export function createDuplicateGuard(problems: CorpusProblem[]): (path: string, regulation: RegulationRecord) => boolean {
  const seen = new Map<string, string>();
  return (path, regulation) => {
    const key = `${regulation.pcode}/${regulation.lang}`;
    const earlier = seen.get(key);
    if (earlier) {
      problems.push({ file: path, reason: `duplicate of ${earlier} (same PCODE ${regulation.pcode} and language); ignored` });
      return false;
    }
    seen.set(key, path);
    return true;
  };
}
