import { createDomainAnalyzer, type KnowledgeBase, type LexicalData } from "../../knowledge/index.js";
import { trainModel1 } from "../translate/ibm-model1.js";
import { buildParallelPairs } from "../translate/parallel-pairs.js";
import { buildSearchDocs } from "./search-docs.js";

/** Analyses every article for BM25F and learns the en -> zh translation table from the aligned texts. */
export function buildLexicalData(kb: KnowledgeBase): LexicalData {
  const analyzer = createDomainAnalyzer(kb);
  return {
    docs: buildSearchDocs(kb, analyzer),
    translation: trainModel1(buildParallelPairs(kb.corpus.clauses, kb.files.glossary.terms, analyzer)),
  };
}
