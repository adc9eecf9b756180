import type { ClauseRecord, RegulationRecord } from "../clause.js";

/** The official texts as read from the MOJ files: the records the knowledge base serves. */
export interface CorpusProblem {
  file: string;
  reason: string;
}

export interface CorpusFile {
  path: string;
  /** Raw text of the file, used for hashing and change detection. */
  raw: string;
}

export interface Corpus {
  regulations: RegulationRecord[];
  clauses: ClauseRecord[];
  files: CorpusFile[];
  problems: CorpusProblem[];
}
