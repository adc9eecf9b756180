import type { KnowledgeBase } from "../../base/knowledge-base.js";
import type { OutOfScopeTopic } from "../../content/schema.js";
import type { Bm25fIndex } from "../lexical/bm25f.js";
import type { DocInfo } from "../lexical/postings.js";
import { namedAuthorities } from "../query/authority-names.js";
import { findForeignLaws, findSchemeNotHeld } from "../query/foreign-laws.js";
import type { ConceptMatch } from "../query/glossary-matcher.js";
import type { LawNames } from "../query/law-names.js";
import type { OutOfScopeMatcher } from "../query/out-of-scope-matcher.js";
import type { Analyzer } from "../text/analyzer.js";
import { outweighsOurDuties } from "./abstention.js";

/**
 * The regulations a question points at without naming them: the ones a neighbouring field's
 * entry sends it to (out-of-scope.yaml), the ones an authority it names administers, the one
 * a glossary concept's statute wording names. Among 11,547 regulations these, with the names
 * it does write, are what keeps an answer in the right regulation.
 */
export interface QuestionLawsDeps {
  kb: KnowledgeBase;
  analyzer: Analyzer;
  docs: DocInfo[];
  lexical: Bm25fIndex;
  lawNames: LawNames;
}

interface FieldQuestion {
  /** Whether the question names a regulation. */
  namesRegulation: boolean;
  concepts: ConceptMatch[];
  /** The regulations of the authorities the question names. */
  authorityLaws: string[];
}

export function createQuestionLaws(deps: QuestionLawsDeps) {
  /**
   * The regulations in force among `pcodes` (those an out-of-scope entry points to), unless
   * the question names a standard by its acronym ("PCI DSS", "ISO 27001") that none of their
   * articles uses: then it asks about the standard, which the database does not hold.
   */
  function fieldRegulations(topic: OutOfScopeTopic, words: string[]): string[] {
    const held = heldOf(topic);
    if (held.size === 0) return [];
    const standards = words.filter((w) => STANDARD_ACRONYM.test(w));
    return standards.some((w) => !usedBy(held, w)) ? [] : [...held];
  }

  /** The regulations in force an entry's where_zh names, read once per entry (its text never changes). */
  const heldByTopic = new Map<string, Set<string>>();
  function heldOf(topic: OutOfScopeTopic): Set<string> {
    let held = heldByTopic.get(topic.id);
    if (!held) {
      const named = deps.lawNames.find(topic.where_zh).map((m) => m.pcode);
      held = new Set(named.filter((p) => deps.kb.regulation(p, "zh")?.status !== "repealed"));
      heldByTopic.set(topic.id, held);
    }
    return held;
  }

  /** Whether an article of one of the regulations holds all of the word's tokens. */
  function usedBy(pcodes: Set<string>, word: string): boolean {
    const perToken = [...new Set(deps.analyzer.terms(word).filter((t) => !t.startsWith("b:")))].map((t) => deps.lexical.score(new Map([[t, 1]])));
    if (perToken.length === 0) return false;
    for (let i = 0; i < deps.docs.length; i++) {
      if (pcodes.has((deps.docs[i] as DocInfo).pcode) && perToken.every((scores) => (scores[i] as number) > 0)) return true;
    }
    return false;
  }

  /** Regulations in force whose 法規類別 names one of the authorities (cached: 11,547 categories). */
  const byAuthority = new Map<string, string[]>();
  function administeredBy(authorities: string[]): string[] {
    return authorities.flatMap((authority) => {
      let pcodes = byAuthority.get(authority);
      if (!pcodes) {
        pcodes = deps.kb
          .regulations()
          .filter((r) => r.lang === "zh" && r.status !== "repealed" && (r.category ?? "").split("＞")[1]?.includes(authority))
          .map((r) => r.pcode);
        byAuthority.set(authority, pcodes);
      }
      return pcodes;
    });
  }

  /**
   * A concept whose statute wording is a distinctive part of exactly one regulation's name
   * names that regulation ("general merchandise retailers" -> 綜合商品零售業 -> J0080062). Only
   * regulations in force: whoever means a repealed one names it.
   */
  function lawsNamedByConcepts(concepts: ConceptMatch[]): string[] {
    const named: string[] = [];
    for (const { term } of concepts) {
      for (const variant of term.zh) {
        if ([...variant].length < 3) continue;
        // A phrase of five characters or more (綜合商品零售業, 合理例外情事), or the beginning of
        // the name: over 11,547 names a short word met inside one ("…安全評估報告及檢驗辦法")
        // names nothing.
        const pcodes = deps.lawNames.namesContaining(variant).filter((p) => {
          const regulation = deps.kb.regulation(p, "zh");
          return regulation?.status !== "repealed" && ([...variant].length >= 5 || regulation?.name.startsWith(variant));
        });
        if (pcodes.length === 1) named.push(pcodes[0] as string);
      }
    }
    return named;
  }

  /**
   * A neighbouring field (out-of-scope.yaml) whose regulations the database holds (the
   * national database holds 統一發票使用辦法 and 公平交易法), for a question that names no
   * regulation; the field leads when the question speaks more of it than of duties of ours,
   * or names its authority (公平會 for 公平交易法). "訂單跟發票依法要保存，可以不刪嗎？" is a
   * deletion question: the field's regulations are found, but do not lead.
   */
  function ofField(fields: ReturnType<OutOfScopeMatcher["match"]>, question: FieldQuestion): { laws: string[]; leads: boolean } {
    const laws = question.namesRegulation ? [] : fields.flatMap((f) => fieldRegulations(f.topic, f.terms));
    const leads = laws.length > 0 && (outweighsOurDuties(question.concepts, fields) || laws.some((p) => question.authorityLaws.includes(p)));
    return { laws, leads };
  }

  return {
    ofField,
    /** The regulations of the authorities the question names. */
    ofAuthorities: (text: string): string[] => administeredBy(namedAuthorities(text)),
    byConcepts: lawsNamedByConcepts,
  };
}

// A standard named by its acronym: PCI DSS, ISO 27001, SOC 2.
const STANDARD_ACRONYM = /^[A-Z]{2,}(?:[ /-]?(?:[A-Z]+|\d+))*$/;

// "Does Taiwan / 我國 have the same rule": the asker wants our equivalent of the foreign duty.
const ABOUT_TAIWAN = /台灣|臺灣|我國|國內|\bTaiwan(?:ese)?\b|\bR\.?O\.?C\.?\b/iu;

/** "Under California's CCPA, do we have to …", 「日本的PSE認證要怎麼申請」: a foreign law, or a scheme the database does not hold, asked about with none of ours named. */
export function foreignLawAsked(text: string, mentions: Array<{ start: number; end: number }>): string | undefined {
  if (mentions.length > 0 || ABOUT_TAIWAN.test(text)) return undefined;
  return findForeignLaws(text, [])[0]?.name ?? findSchemeNotHeld(text);
}

/**
 * The question with the regulations it names blanked out: a name says which regulation,
 * the prior gives it, and its words are no content ("勞基法" is written in hundreds of
 * other regulations' articles, which would outrank the Act's own article on the question).
 * A question that is nothing but names keeps them.
 */
export function withoutNames(text: string, mentions: Array<{ start: number; end: number }>): string {
  if (mentions.length === 0) return text;
  let out = "";
  let from = 0;
  for (const m of mentions) {
    out += `${text.slice(from, m.start)} `;
    from = Math.max(from, m.end);
  }
  out += text.slice(from);
  return /[\p{Script=Han}]{2}|[A-Za-z]{3}/u.test(out.replace(/第\s*[0-9０-９一二三四五六七八九十百千-]+\s*條/gu, "")) ? out : text;
}
