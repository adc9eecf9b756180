import type { AbstainReason } from "../../bot/index.js";
import type { OutOfScopeTopic } from "../../knowledge/index.js";
import type { Bm25fIndex } from "../lexical/bm25f.js";
import type { ConceptMatch } from "../query/glossary-matcher.js";
import type { SearchDoc } from "./search-docs.js";

export interface AbstentionInput {
  terms: Map<string, number>;
  concepts: ConceptMatch[];
  /** Neighbouring legal fields named in the question (tax, labour, trademarks ...), with the words found. */
  otherFields: Array<{ topic: OutOfScopeTopic; terms: string[] }>;
  /** Regulations named that the corpus does not hold. */
  unknownLaws: string[];
  references: number;
  mentioned: number;
  bestDoc: SearchDoc | undefined;
  lexical: Bm25fIndex;
}

export interface AbstentionDecision {
  abstain: boolean;
  reason?: AbstainReason;
  unknownLaw?: string;
  otherField?: OutOfScopeTopic;
  /** Share of the question's information the best article accounts for (0..1). */
  coverage: number;
}

/**
 * Decides whether the corpus can answer at all. BM25 scores are not comparable across
 * questions, so no score threshold decides alone. Instead, as a person would:
 *  1. a question that names a law we do not hold (勞基法) is out of scope;
 *  2. a question in a neighbouring legal field (invoices, overtime pay, trademarks) is out
 *     of scope unless it speaks at least as much of duties of ours (deleting data,
 *     outsourcing ...) as of the other field.
 * Setting words (customer, online shop) are no evidence either way. A coverage threshold
 * (share of the question's words the best article holds) was measured as a third rule and
 * dropped: it refused colloquial questions that were answerable and caught nothing else.
 */
export function decideAbstention(input: AbstentionInput): AbstentionDecision {
  const coverage = coverageOf(input);
  if (input.references > 0) return { abstain: false, coverage };
  const duties = input.concepts.filter((c) => !c.term.generic).length;
  const unknownLaw = input.mentioned === 0 ? input.unknownLaws[0] : undefined;
  if (unknownLaw) return { abstain: true, reason: "out_of_scope", unknownLaw, coverage };
  const otherField = input.otherFields[0]?.topic;
  // Distinct words of the other field against distinct duties of ours; a tie is answered
  // (with a pointer to the other field), because losing an answerable question costs more.
  const otherEvidence = new Set(input.otherFields.flatMap((f) => f.terms)).size;
  if (otherField && input.mentioned === 0 && otherEvidence > duties) return { abstain: true, reason: "out_of_scope", otherField, coverage };
  if (!input.bestDoc) return { abstain: true, reason: "no_match", coverage };
  return { abstain: false, ...(otherField ? { otherField } : {}), coverage };
}

function coverageOf(input: AbstentionInput): number {
  const doc = input.bestDoc;
  if (!doc) return 0;
  const inDoc = new Set<string>([...doc.fields.body, ...doc.fields.en, ...doc.fields.name, ...doc.fields.notes]);
  const maxIdf = Math.log(1 + (input.lexical.size + 0.5) / 0.5);
  let total = 0;
  let covered = 0;
  for (const [term, weight] of input.terms) {
    if (!term.startsWith("w:") && !term.startsWith("e:")) continue;
    const informativeness = (input.lexical.df(term) === 0 ? maxIdf : input.lexical.idf(term)) * Math.min(1, weight);
    total += informativeness;
    if (inDoc.has(term)) covered += informativeness;
  }
  return total === 0 ? 0 : covered / total;
}
