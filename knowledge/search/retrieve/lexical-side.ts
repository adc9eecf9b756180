import type { KnowledgeBase } from "../../base/knowledge-base.js";
import type { KnowledgeFiles } from "../../base/load-knowledge-files.js";
import { articleIdOf } from "../../clause.js";
import type { LexicalData, TranslationTable } from "../index/lexical-data.js";
import { type Bm25fIndex, createBm25fIndex } from "../lexical/bm25f.js";
import { createCompactBm25fIndex } from "../lexical/compact-bm25f.js";
import type { DocInfo } from "../lexical/postings.js";
import { createGlossaryMatcher, type GlossaryMatcher } from "../query/glossary-matcher.js";
import { createLawNames, type LawNames } from "../query/law-names.js";
import { createOutOfScopeMatcher, type OutOfScopeMatcher } from "../query/out-of-scope-matcher.js";
import { type Analyzer, createAnalyzer } from "../text/analyzer.js";

/** The lexical half of retrieval: analyzer, documents, BM25F index and the translation table. */
export interface LexicalSide {
  analyzer: Analyzer;
  docs: DocInfo[];
  lexical: Bm25fIndex;
  translation: TranslationTable;
  glossary: GlossaryMatcher;
  lawNames: LawNames;
  otherFields: OutOfScopeMatcher;
  /** Case studies, scored like articles but cited apart from them (never as law). */
  cases: Array<{ id: string; articles: string[] }>;
  caseIndex: Bm25fIndex;
}

/** Domain words the segmenter must keep whole: glossary terms and regulation aliases. */
export function createDomainAnalyzer(files: KnowledgeFiles): Analyzer {
  const lexicon: string[] = [];
  for (const term of files.glossary.terms) lexicon.push(...term.zh, ...term.colloquial);
  for (const source of files.sources.regulations) lexicon.push(...source.aliases);
  return createAnalyzer(lexicon);
}

/**
 * Opens the lexical side over the documents and translation table the index holds
 * (built by ingest/), so a cold start skips the analysis and the EM training.
 */
export function openLexicalSide(kb: KnowledgeBase, data: LexicalData): LexicalSide {
  const analyzer = createDomainAnalyzer(kb.files);
  return {
    analyzer,
    docs: data.docs,
    lexical: createCompactBm25fIndex(data.postings, data.docs.length),
    translation: data.translation,
    glossary: createGlossaryMatcher(kb.files.glossary.terms),
    lawNames: createLawNames(kb.lawNames()),
    otherFields: createOutOfScopeMatcher(kb.files.outOfScope.topics),
    cases: kb.files.cases.map((c) => ({ id: c.id, articles: [...new Set(c.clauses.map(articleIdOf))] })),
    caseIndex: createBm25fIndex(
      kb.files.cases.map((c) => ({
        id: c.id,
        fields: {
          body: analyzer.terms([c.title_zh, c.summary_zh, c.root_cause_zh, c.requirements_zh, c.fix_zh, c.title_en, c.summary_en].join("\n")),
          keywords: analyzer.terms(c.keywords.join("\n")),
        },
      })),
      { fields: { body: { weight: 1, b: 0.75 }, keywords: { weight: 1, b: 0.3 } } },
    ),
  };
}
