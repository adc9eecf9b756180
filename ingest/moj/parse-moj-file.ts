import type { ClauseRecord, ClauseStatus, Lang, RegulationRecord } from "../../knowledge/index.js";
import { parseChineseNumber } from "../../knowledge/search/text/numerals.js";
import { type MojEntry, MojEntrySchema, type MojFile, MojFileSchema } from "./moj-file-schema.js";
import { itemText, paragraphText, splitArticle } from "./split-article.js";

export interface ParsedRegulation {
  regulation: RegulationRecord;
  clauses: ClauseRecord[];
  /** Entries of 法規內容 that were malformed and skipped, each with where and why. */
  skipped: string[];
}

export type ParseResult = { ok: true; value: ParsedRegulation } | { ok: false; file: string; reason: string };

const ZH_ARTICLE = /^第\s*(\d+(?:\s*-\s*\d+)?)\s*條/;
const EN_ARTICLE = /^Article\s*(\d+(?:\s*-\s*\d+)?)/i;
const DELETED = /^[（(]\s*(刪除|deleted)\s*[）)]$/i;

/** Parses one MOJ open-data file (raw text, BOM allowed) into a regulation and its clause records. */
export function parseMojFile(file: string, raw: string, today: string): ParseResult {
  let json: unknown;
  try {
    json = JSON.parse(raw.replace(/^\uFEFF/, ""));
  } catch (error) {
    return { ok: false, file, reason: `not valid JSON (${(error as Error).message})` };
  }
  const parsed = MojFileSchema.safeParse(json);
  if (!parsed.success) {
    const reason = parsed.error.issues.map((issue) => `field ${issue.path.join(".") || "(root)"}: ${issue.message}`).join("; ");
    return { ok: false, file, reason };
  }
  const regulation = toRegulation(file, parsed.data, today);
  const skipped: string[] = [];
  const entries: MojEntry[] = [];
  parsed.data.法規內容.forEach((entry, index) => {
    const checked = MojEntrySchema.safeParse(entry);
    if (checked.success) entries.push(checked.data);
    else
      skipped.push(
        `field 法規內容[${index}]: ${describeEntry(entry)}malformed (${checked.error.issues.map((i) => i.path.join(".") || i.message).join(", ")}); skipped`,
      );
  });
  const clauses = toClauses(entries, regulation);
  // About 700 regulations of the national database have no article at all (their content is
  // in attachments, 附件): their record is kept, so their name is known, with no clause.
  if (clauses.length === 0 && skipped.length > 0) return { ok: false, file, reason: ["field 法規內容: no article (條號) found", ...skipped].join("; ") };
  return { ok: true, value: { regulation, clauses, skipped } };
}

function toRegulation(file: string, data: MojFile, today: string): RegulationRecord {
  const lang: Lang = data.英文法規名稱 && !data.法規名稱 ? "en" : "zh";
  const nameZh = data.法規名稱 ?? data.中文法規名稱 ?? data.英文法規名稱 ?? "";
  const name = lang === "en" ? (data.英文法規名稱 ?? nameZh) : nameZh;
  const pcode = new URL(data.法規網址).searchParams.get("pcode") ?? file.replace(/^.*[\\/]/, "").replace(/\.json$/i, "");
  const notInForceArticles = articlesNamedIn(data.生效內容);
  const effective = data.生效日期 ? isoDate(data.生效日期) : undefined;
  const wholeNotInForce = effective !== undefined && effective > today && effective !== "9999-12-31" && notInForceArticles.length === 0;
  let status: ClauseStatus = "in_force";
  if (data.廢止註記) status = "repealed";
  else if (wholeNotInForce) status = "not_yet_in_force";
  return {
    pcode,
    lang,
    name,
    nameZh,
    nature: data.法規性質 ?? "",
    ...(data.法規類別 ? { category: data.法規類別 } : {}),
    status,
    asOf: isoDate(data.最新異動日期 ?? data.最新英文異動日期 ?? "00000000"),
    url: data.法規網址,
    ...(data.生效內容 ? { effectiveNote: data.生效內容.replace(/\s*\r?\n\s*/g, "") } : {}),
    notInForceArticles,
    file,
  };
}

/** Article numbers named in 生效內容, e.g. "增訂之第 1-1  條條文" -> ["1-1"]. */
function articlesNamedIn(note: string | undefined): string[] {
  if (!note) return [];
  const found = new Set<string>();
  for (const match of note.replace(/\s+/g, "").matchAll(/第(\d+(?:-\d+)?)(?:、(\d+(?:-\d+)?))*條/g)) {
    for (const part of match[0].replace(/^第|條$/g, "").split("、")) found.add(part);
  }
  return [...found];
}

function describeEntry(entry: unknown): string {
  const label = entry && typeof entry === "object" && "條號" in entry ? (entry as { 條號: unknown }).條號 : undefined;
  return typeof label === "string" && label.trim() ? `${label.trim()} ` : "";
}

function toClauses(entries: MojEntry[], regulation: RegulationRecord): ClauseRecord[] {
  const clauses: ClauseRecord[] = [];
  let chapter: string | undefined;
  for (const entry of entries) {
    if ("編章節" in entry) {
      chapter = entry.編章節.trim() || undefined;
      continue;
    }
    const article = articleNumber(entry.條號);
    if (!article) continue;
    const base = {
      articleId: `${regulation.pcode}:${article}`,
      pcode: regulation.pcode,
      article,
      lang: regulation.lang,
      lawName: regulation.name,
      lawNameZh: regulation.nameZh,
      ...(chapter ? { chapter } : {}),
      status: clauseStatus(regulation, article, entry.條文內容),
      asOf: regulation.asOf,
      url: regulation.url,
    };
    const paragraphs = splitArticle(entry.條文內容);
    const articleText = paragraphs.map(paragraphText).join("\n");
    clauses.push({ ...base, id: base.articleId, level: "article", path: [], text: articleText });
    for (const paragraph of paragraphs) {
      const p = paragraph.number;
      clauses.push({ ...base, id: `${base.articleId}:${p}`, level: "paragraph", path: [p], text: paragraphText(paragraph) });
      for (const item of paragraph.items) {
        clauses.push({ ...base, id: `${base.articleId}:${p}:${item.number}`, level: "item", path: [p, item.number], text: itemText(item) });
        for (const sub of item.subItems) {
          const id = `${base.articleId}:${p}:${item.number}:${sub.number}`;
          clauses.push({ ...base, id, level: "subitem", path: [p, item.number, sub.number], text: sub.text });
        }
      }
    }
  }
  return clauses;
}

function articleNumber(label: string): string | undefined {
  const match = ZH_ARTICLE.exec(label.trim()) ?? EN_ARTICLE.exec(label.trim());
  if (match?.[1]) return match[1].replace(/\s+/g, "");
  const chinese = /^第\s*([一二三四五六七八九十百千]+)\s*條(?:之\s*([一二三四五六七八九十]+))?/.exec(label.trim());
  if (!chinese?.[1]) return undefined;
  const main = parseChineseNumber(chinese[1]);
  return chinese[2] ? `${main}-${parseChineseNumber(chinese[2])}` : String(main);
}

function clauseStatus(regulation: RegulationRecord, article: string, text: string): ClauseStatus {
  if (regulation.status === "repealed") return "repealed";
  if (DELETED.test(text.trim())) return "deleted";
  if (regulation.status === "not_yet_in_force" || regulation.notInForceArticles.includes(article)) return "not_yet_in_force";
  return "in_force";
}

function isoDate(yyyymmdd: string): string {
  return `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
}
