import { type Analyzer, type ClauseRecord, fnv1a, type GlossaryTerm } from "../../knowledge/index.js";
import type { ParallelPair } from "./ibm-model1.js";

/**
 * Collects aligned zh/en training pairs while the files stream past (the Chinese file of a
 * PCODE comes before its English one): every regulation name, every clause of the
 * regulations `always` names (those our knowledge describes), and a fixed, id-hashed share
 * of the other clauses, so that EM over the ~3,000 translated regulations stays within
 * memory and a minute. Which clauses are sampled depends only on their ids: the same corpus
 * always trains the same table.
 */
export interface PairCollector {
  addZh(clauses: ClauseRecord[]): void;
  addEn(clauses: ClauseRecord[]): void;
  pairs(glossary: GlossaryTerm[]): ParallelPair[];
}

/** Share of clause pairs sampled outside `always` (about 20,000 pairs on the national database). */
const SAMPLE_PER_MILLE = 70;
const MAX_SAMPLED_WORDS = 40;

export function createPairCollector(analyzer: Analyzer, always: Set<string>, translated: Set<string>): PairCollector {
  const zhLines = new Map<string, string[]>();
  const zhNames = new Map<string, string>();
  const out: ParallelPair[] = [];
  const sampled = (clause: ClauseRecord) => always.has(clause.pcode) || fnv1a(clause.id) % 1000 < SAMPLE_PER_MILLE;
  const unit = (clause: ClauseRecord) => clause.level !== "article" && clause.status !== "deleted";

  return {
    addZh(clauses) {
      const first = clauses[0];
      if (!first || !translated.has(first.pcode)) return;
      zhNames.set(first.pcode, first.lawNameZh);
      for (const clause of clauses) if (unit(clause) && sampled(clause)) zhLines.set(clause.id, analyzer.zhWords(firstLine(clause.text)));
    },
    addEn(clauses) {
      const first = clauses[0];
      if (!first) return;
      const zhName = zhNames.get(first.pcode);
      if (zhName) out.push({ en: analyzer.enStems(first.lawName), zh: analyzer.zhWords(zhName) });
      for (const clause of clauses) {
        const zh = unit(clause) ? zhLines.get(clause.id) : undefined;
        if (!zh) continue;
        const en = analyzer.enStems(firstLine(clause.text));
        // Long sampled lines align poorly and cost EM the most: only short ones outside `always`.
        if (always.has(clause.pcode) || (en.length <= MAX_SAMPLED_WORDS && zh.length <= MAX_SAMPLED_WORDS)) out.push({ en, zh });
      }
    },
    pairs(glossary) {
      const all = [...out];
      for (const term of glossary) {
        for (const zh of term.zh) for (const en of term.en) all.push({ en: analyzer.enStems(en), zh: analyzer.zhWords(zh) });
      }
      return all.filter((p) => p.en.length > 0 && p.zh.length > 0);
    },
  };
}

function firstLine(text: string): string {
  return text.split("\n")[0] ?? text;
}
