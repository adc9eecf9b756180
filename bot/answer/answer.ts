import type { ClauseStatus, Lang } from "../../knowledge/clause.js";
import type { AbstainReason, HitSource } from "../../knowledge/index.js";
import type { AnswerGeneration } from "./grounded/generation.js";

/** A clause the answer relies on, quoted verbatim from the official file. */
export interface Citation {
  /** The most specific id quoted (I0050022:8:1), beginning with the article id. */
  id: string;
  articleId: string;
  pcode: string;
  /** Name of the regulation in the answer's language (the Chinese name when untranslated). */
  law: string;
  lawZh: string;
  article: string;
  /** [paragraph, item, subItem] of the quoted part; empty for the whole article. */
  path: number[];
  /** 《個人資料保護法施行細則》第8條第1項 */
  label: string;
  /** The quoted part, verbatim. */
  quote: string;
  /** The whole article, verbatim. */
  articleText: string;
  /** Language of the quoted text: Chinese when no official translation exists. */
  textLang: Lang;
  /** The article on law.moj.gov.tw. */
  url: string;
  /** The whole regulation on law.moj.gov.tw. */
  lawUrl: string;
  status: ClauseStatus;
  /** Date of the text (最新異動日期). */
  asOf: string;
  score: number;
  source: HitSource;
  /** How well the quoted part carries what the question asks (1 = neutral), from retrieval. */
  fit?: number;
  /** For a clause of a repealed regulation: where the duty lives now. */
  successor?: { ids: string[]; labels: string[]; note?: string; repealedOn: string };
  /** What is not yet in force, verbatim from 生效內容. */
  effectiveNote?: string;
  /** Corpus version (open-data UpdateDate, ISO) of the text quoted, when the corpus came from a sync. */
  version?: string;
  /**
   * An amendment promulgated but not yet in force (已公布、尚未施行): `quote` above is then
   * the text in force from an earlier version, and this is the promulgated text.
   */
  promulgated?: { quote: string; asOf: string; note?: string };
  /** The body that issued the regulation (from 法規類別): what its 本部/本會 stands for. */
  authority?: string;
  /** Our plain-language note on the article (not law). */
  note?: string;
}

/** A case study cited as illustration, never as law. */
export interface CaseCitation {
  id: string;
  title: string;
  summary: string;
}

export interface Answer {
  lang: Lang;
  question: string;
  abstained: boolean;
  reason?: AbstainReason;
  /** The direct answer first: what the clauses say to this question, each sentence with its label. */
  lead: string;
  citations: Citation[];
  cases: CaseCitation[];
  /** Visible warnings: repealed regulations, clauses not yet in force. */
  warnings: string[];
  /** When the bot cannot answer: how to rephrase, where to look. */
  suggestions: string[];
  /** The whole answer as plain text (terminal, logs of citations, fallback for channels). */
  text: string;
  /** How the answer was made when a language model is configured (mode "model": the lead is its verified sentences). */
  generation?: AnswerGeneration;
}
