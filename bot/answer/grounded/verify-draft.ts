import type { DraftClause, DraftSentence } from "../../ports.js";
import { unsupportedFacts } from "../grounding.js";
import type { DroppedSentence, KeptSentence } from "./generation.js";

/** A clause as the verifier reads it: the prompt clause plus the authority its 本部 means. */
export interface VerifiableClause extends DraftClause {
  authority?: string;
}

/** A lead is short: a few sentences, or one line per duty of a "what must we do" answer. */
export const MAX_SENTENCES = 8;

// Words that make a sentence state a rule (a duty, a permission, a ban, a sanction, a deadline).
const RULE_ZH = /應|須|不得|(?<![取獲記值覺使曉懂])得(?![到知])|禁止|義務|罰|處分|免責|期限|以內|之內|內完成|負責|負擔|賠償/;
const RULE_EN = /\b(must|shall|should|may|required?|requires|obliged|obligat|prohibit|forbid|fine[sd]?|penalt|within|deadline|liable|entitled|allowed)/i;

/**
 * Verifies every sentence of a draft before anyone sees it: each cited number is one of the
 * clauses given; each fact in the sentence (bot/answer/grounding.ts) appears in one of its cited clauses (the label is
 * part of the clause, so "第27條" is supported by Art. 27); a sentence without a clause is
 * kept only if it states no rule and holds no fact.
 */
export function verifyDraft(sentences: DraftSentence[], clauses: VerifiableClause[]): { kept: KeptSentence[]; dropped: DroppedSentence[] } {
  const byNumber = new Map(clauses.map((c) => [c.n, c]));
  const kept: KeptSentence[] = [];
  const dropped: DroppedSentence[] = [];
  for (const [i, sentence] of sentences.entries()) {
    const text = sentence.text.trim();
    const numbers = [...new Set(sentence.clauses)];
    const drop = (reason: DroppedSentence["reason"], facts?: string[]) =>
      dropped.push({ text, clauses: sentence.clauses, reason, ...(facts?.length ? { facts } : {}) });
    if (text === "") {
      drop("empty");
      continue;
    }
    if (i >= MAX_SENTENCES) {
      drop("too_many");
      continue;
    }
    const cited = numbers.map((n) => byNumber.get(n));
    if (cited.some((c) => c === undefined)) {
      drop("unknown_clause");
      continue;
    }
    const given = cited.filter((c): c is VerifiableClause => c !== undefined);
    if (given.length === 0) {
      const facts = unsupportedFacts(text, []);
      if (facts.length > 0 || RULE_ZH.test(text) || RULE_EN.test(text)) drop("uncited_rule", facts);
      else kept.push({ text, clauseIds: [] });
      continue;
    }
    const missing = unsupportedFacts(
      text,
      given.map((c) => ({ text: `${c.label}\n${c.text}`, ...(c.authority ? { authority: c.authority } : {}) })),
    );
    if (missing.length > 0) drop("unsupported_fact", missing);
    else kept.push({ text, clauseIds: given.map((c) => c.id) });
  }
  return { kept, dropped };
}
