import type { ClauseRecord, Lang, RegulationRecord } from "./clause.js";
import type { Checklist } from "./content/schema.js";
import type { AnswerNeeds } from "./search/retrieve/answer-kinds.js";

/** What the engine asks of retrieval and of the knowledge base; implemented in knowledge/search and knowledge/base. */

export interface RetrievalQuery {
  text: string;
  lang: Lang;
  /** Article ids the conversation was about (thread context), most recent first. */
  context?: string[];
  limit?: number;
}

/** How a hit was found: an exact reference, the search, or a successor of a repealed hit. */
export type HitSource = "reference" | "search" | "successor";

export interface RetrievedArticle {
  articleId: string;
  score: number;
  /** Clause ids inside the article (paragraph, item) to quote, best first; empty = whole article. */
  focus: string[];
  /** How well the focused part carries what the question asks (1 = neutral; see answer-kinds). */
  fit?: number;
  source: HitSource;
}

/**
 * `no_question`: the input holds no question at all (NUL bytes, U+FFFD, a lone letter, gibberish);
 * `capabilities`: the question is about the bot ("你收錄哪些法規？"), answered with what it holds;
 * `business`: a business choice, price or market figure, which no clause settles;
 * `future`: what a rule or fee will become, which the text in force cannot say;
 * `private`: a company's own rule, fee or review (a marketplace's penalty points, a card network's chargeback deadline);
 * `technical`: how to configure a system (mail authentication records, an API), which no clause says.
 */
export type AbstainReason =
  | "no_match"
  | "out_of_scope"
  | "unknown_reference"
  | "no_question"
  | "capabilities"
  | "business"
  | "future"
  | "private"
  | "technical";

export interface RetrievalResult {
  hits: RetrievedArticle[];
  abstained: boolean;
  reason?: AbstainReason;
  /** A law the question names that the corpus does not hold (勞基法, 商標法, GDPR ...). */
  unknownLaw?: string;
  /** With unknownLaw: the official names the database holds that come closest to it. */
  closestLaws?: Array<{ pcode: string; name: string }>;
  /** Other regulations the names in the question could also mean (a repealed namesake, an ambiguous short name); the hits use the current one. */
  otherLaws?: string[];
  /** The hits answer the question's duty under our regulations, not the `unknownLaw` it named. */
  equivalentsOnly?: boolean;
  /** The neighbouring legal field the question belongs to, and where to look instead (in the question's language). */
  otherField?: { name: string; where: string };
  /** With an out-of-scope abstention: articles of the field's regulations the database holds, to read (not an answer). */
  pointers?: string[];
  /** What the question asks for: kinds of answer (deadline, amount ...) and actions (access, deletion ...). */
  needs?: AnswerNeeds;
  /** Statute wording the question was expanded with (glossary, translations of English words). */
  expansions?: string[];
  /** PCODEs the question names explicitly. */
  mentionedLaws: string[];
  /** Related case studies (ids), best first. */
  cases: string[];
}

export interface Retriever {
  retrieve(query: RetrievalQuery): Promise<RetrievalResult>;
}

export interface SuccessorLink {
  /** Ids of the clauses that now carry the duty. */
  to: string[];
  note?: string;
  repealedOn: string;
}

export interface PlainNote {
  id: string;
  text: string;
}

export interface CaseStudyText {
  id: string;
  title: string;
  summary: string;
}

/** Read access to everything the bot may quote. Every text it returns is verbatim from its source file. */
export interface KnowledgeSource {
  clause(id: string, lang: Lang): ClauseRecord | undefined;
  regulation(pcode: string, lang: Lang): RegulationRecord | undefined;
  regulations(): RegulationRecord[];
  /** Successor clauses of a clause of a repealed regulation (the most specific entry wins). */
  successorsOf(id: string, lang: Lang): SuccessorLink | undefined;
  note(articleId: string, lang: Lang): PlainNote | undefined;
  caseStudy(id: string, lang: Lang): CaseStudyText | undefined;
  checklists(): Checklist[];
  checklist(id: string): Checklist | undefined;
  /** One-line summaries of the default-scope regulations, used when the bot cannot answer. */
  scopeSummaries(lang: Lang): Array<{ pcode: string; name: string; summary: string }>;
}
