import type { OutOfScopeTopic } from "../../content/schema.js";
import type { AbstainReason } from "../../ports.js";
import type { ConceptMatch } from "../query/glossary-matcher.js";
import type { NonLegalKind } from "../query/non-legal.js";

export interface AbstentionInput {
  concepts: ConceptMatch[];
  /** Neighbouring legal fields named in the question (tax, labour, trademarks ...), with the words found. */
  otherFields: Array<{ topic: OutOfScopeTopic; terms: string[] }>;
  /** Regulations named that the corpus does not hold. */
  unknownLaws: string[];
  references: number;
  mentioned: number;
  /** Whether any article matched at all. */
  matched: boolean;
  /** A business choice or a question about the future (non-legal.ts). */
  nonLegal?: NonLegalKind;
  /** A foreign law the question asks about, with no law of ours named and no word of Taiwan. */
  foreignLaw?: string;
}

export interface AbstentionDecision {
  abstain: boolean;
  reason?: AbstainReason;
  unknownLaw?: string;
  /** The neighbouring field the question touches, also when it is answered (to point there too). */
  otherField?: OutOfScopeTopic;
}

/**
 * Decides whether the corpus can answer at all. BM25 scores are not comparable across
 * questions, so no score threshold decides. Instead, as a person would:
 *  0. a business choice, a market figure or the future is no question for a clause;
 *  1. a question that names a law we do not hold (勞基法, CCPA) is out of scope;
 *  2. a question in a neighbouring legal field (invoices, overtime pay, trademarks) is out
 *     of scope unless it speaks at least as much of duties of ours (deleting data,
 *     outsourcing ...) as of the other field.
 * Setting words (customer, online shop) are no evidence either way. A coverage threshold
 * (share of the question's words the best article holds) was measured as a third rule and
 * dropped: it refused colloquial questions that were answerable and caught nothing else.
 */
export function decideAbstention(input: AbstentionInput): AbstentionDecision {
  if (input.references > 0) return { abstain: false };
  if (input.nonLegal) return { abstain: true, reason: input.nonLegal };
  if (input.foreignLaw && input.mentioned === 0) return { abstain: true, reason: "out_of_scope", unknownLaw: input.foreignLaw };
  const unknownLaw = input.mentioned === 0 ? input.unknownLaws[0] : undefined;
  if (unknownLaw) return { abstain: true, reason: "out_of_scope", unknownLaw };
  const otherField = input.otherFields[0]?.topic;
  if (otherField && input.mentioned === 0 && outweighsOurDuties(input.concepts, input.otherFields))
    return { abstain: true, reason: "out_of_scope", otherField };
  if (!input.matched) return { abstain: true, reason: "no_match" };
  return { abstain: false, ...(otherField ? { otherField } : {}) };
}

/**
 * Whether a question speaks more of a neighbouring field than of duties of ours: distinct
 * words of the field against distinct duties. A tie is ours (answered, with a pointer to
 * the other field), because losing an answerable question costs more.
 */
export function outweighsOurDuties(concepts: ConceptMatch[], otherFields: AbstentionInput["otherFields"]): boolean {
  const duties = concepts.filter((c) => !c.term.generic).length;
  const otherEvidence = new Set(otherFields.flatMap((f) => f.terms)).size;
  return otherFields.length > 0 && otherEvidence > duties;
}
