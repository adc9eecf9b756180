import type { ClauseRecord, Lang, RegulationRecord } from "../clause.js";
import type { Corpus } from "./corpus.js";

/**
 * Where the knowledge base reads regulation texts from: the whole corpus in memory (small
 * corpora, tests) or the clause store of a saved index, read one regulation at a time.
 */
export interface ClauseSource {
  readonly regulations: RegulationRecord[];
  /** Every clause of one regulation in one language, in the order of the file. */
  clausesOf(pcode: string, lang: Lang): ClauseRecord[];
}

/** A clause source over a corpus already in memory. */
export function createCorpusSource(corpus: Corpus): ClauseSource {
  const byRegulation = new Map<string, ClauseRecord[]>();
  for (const clause of corpus.clauses) {
    const key = `${clause.lang}|${clause.pcode}`;
    const list = byRegulation.get(key);
    if (list) list.push(clause);
    else byRegulation.set(key, [clause]);
  }
  return {
    regulations: corpus.regulations,
    clausesOf: (pcode, lang) => byRegulation.get(`${lang}|${pcode}`) ?? [],
  };
}
