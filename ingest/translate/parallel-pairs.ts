import type { ClauseRecord, GlossaryTerm } from "../../knowledge/index.js";
import type { Analyzer } from "../../knowledge/search/text/analyzer.js";
import type { ParallelPair } from "./ibm-model1.js";

/**
 * Aligned training pairs from the official translations: the MOJ English file of a PCODE
 * translates the Chinese one article by article, and mostly paragraph by paragraph and
 * item by item, so clause ids present in both languages are aligned units. Regulation
 * names and glossary entries add short, clean pairs.
 */
export function buildParallelPairs(clauses: ClauseRecord[], glossary: GlossaryTerm[], analyzer: Analyzer): ParallelPair[] {
  const zh = new Map<string, ClauseRecord>();
  for (const clause of clauses) if (clause.lang === "zh") zh.set(clause.id, clause);
  const pairs: ParallelPair[] = [];
  const names = new Set<string>();
  for (const en of clauses) {
    if (en.lang !== "en" || en.status === "deleted") continue;
    const source = zh.get(en.id);
    if (!source) continue;
    if (!names.has(en.pcode)) {
      names.add(en.pcode);
      pairs.push(pair(en.lawName, source.lawNameZh, analyzer));
    }
    // Paragraph and item records: their own first line, without the lines below them.
    if (en.level === "paragraph" || en.level === "item" || en.level === "subitem") {
      pairs.push(pair(firstLine(en.text), firstLine(source.text), analyzer));
    }
  }
  for (const term of glossary) {
    for (const zhVariant of term.zh) for (const enVariant of term.en) pairs.push(pair(enVariant, zhVariant, analyzer));
  }
  return pairs.filter((p) => p.en.length > 0 && p.zh.length > 0);
}

function pair(en: string, zh: string, analyzer: Analyzer): ParallelPair {
  return { en: analyzer.enStems(en), zh: analyzer.zhWords(zh) };
}

function firstLine(text: string): string {
  return text.split("\n")[0] ?? text;
}
