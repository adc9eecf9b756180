/**
 * The domain model of a regulation clause as the bot quotes it.
 *
 * Id scheme (documented in README): `PCODE:ARTICLE` for an article, then one more
 * `:N` segment per level below it: paragraph (項), item (款), sub-item (目).
 * `I0050021:27` is Art. 27; `I0050021:27:1` its first paragraph; `J0080052:9:1:12`
 * Art. 9 para. 1 item 12; `K0010162:9:1:6:2` Art. 9 para. 1 item 6 sub-item (二).
 * The id is the same for the Chinese and the English text of a clause.
 */
export type Lang = "zh" | "en";

/** `deleted`: the article number survives with the text （刪除） after an amendment. */
export type ClauseStatus = "in_force" | "repealed" | "not_yet_in_force" | "deleted";

export type ClauseLevel = "article" | "paragraph" | "item" | "subitem";

export interface ClauseRecord {
  /** Stable id, see the scheme above. */
  id: string;
  /** The article-level id (`PCODE:ARTICLE`) this record belongs to. */
  articleId: string;
  pcode: string;
  /** Article number as printed, Arabic: "27", "1-1". */
  article: string;
  level: ClauseLevel;
  /** 1-based position path below the article: [paragraph, item, subItem]. */
  path: number[];
  lang: Lang;
  /** Name of the regulation in `lang` (Chinese name when no translation exists). */
  lawName: string;
  /** Chinese (official) name of the regulation. */
  lawNameZh: string;
  /** Chapter or section heading (編章節) the article sits under, if any. */
  chapter?: string;
  /** Verbatim text from the official file (for an article: all paragraphs, joined by "\n"). */
  text: string;
  status: ClauseStatus;
  /** Date of the text (最新異動日期), ISO yyyy-mm-dd. */
  asOf: string;
  /** Official page of the regulation on law.moj.gov.tw. */
  url: string;
}

/** A regulation as a whole: its metadata and its article-level records. */
export interface RegulationRecord {
  pcode: string;
  lang: Lang;
  name: string;
  nameZh: string;
  /** 法律 (act) or 命令 (regulation). */
  nature: string;
  category?: string;
  status: ClauseStatus;
  asOf: string;
  url: string;
  /** 生效內容: which part is not yet in force, verbatim. */
  effectiveNote?: string;
  /** Article numbers not yet in force, parsed from 生效內容 (e.g. ["1-1"]). */
  notInForceArticles: string[];
  /** Source file the record was read from. */
  file: string;
}

/** The article-level id of any clause id. */
export function articleIdOf(id: string): string {
  const [pcode, article] = id.split(":");
  return `${pcode}:${article}`;
}

/** Official URL of a single article on law.moj.gov.tw. */
export function articleUrl(pcode: string, article: string, lang: Lang): string {
  const base = lang === "en" ? "https://law.moj.gov.tw/Eng/LawClass" : "https://law.moj.gov.tw/LawClass";
  return `${base}/LawSingle.aspx?pcode=${pcode}&flno=${encodeURIComponent(article)}`;
}

/**
 * Longest verbatim text quoted in an answer, and longest "full text" a channel shows.
 * A valid official file may hold an article of megabytes (issue 11): it is indexed whole,
 * but quoted by its beginning, cut at these lengths, with the notice below and the link to
 * the official page (every citation carries it).
 */
export const MAX_QUOTE_CHARS = 1_500;
export const MAX_FULL_TEXT_CHARS = 20_000;

/** The first `max` characters of a verbatim text, marked as cut ("全文請見連結") when longer. */
export function clipVerbatim(text: string, max: number, lang: Lang): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max)}…${lang === "en" ? "（full text: see the link）" : "（全文請見連結）"}`;
}
