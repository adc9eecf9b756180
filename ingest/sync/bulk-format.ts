import type { Lang } from "../../knowledge/index.js";

/**
 * The official bulk format (ChLaw.json, ChOrder.json, EngLaw.json, EngOrder.json: one
 * JSON with UpdateDate and Laws[]) mapped onto the split per-regulation format that the
 * rest of ingest reads (see ../shared/corpus/README.md for both). Field names as the
 * service writes them; `LawAttachements` is the service's spelling, `LawAttachments` is
 * accepted too.
 */
export interface BulkCollection {
  updateDate?: string;
  laws: unknown[];
}

type Json = Record<string, unknown>;

/** Reads a bulk collection; undefined when `json` is not one (no Laws array). */
export function asBulkCollection(json: unknown): BulkCollection | undefined {
  if (!json || typeof json !== "object" || !Array.isArray((json as Json).Laws)) return undefined;
  const updateDate = dateOf((json as Json).UpdateDate);
  return { ...(updateDate ? { updateDate } : {}), laws: (json as Json).Laws as unknown[] };
}

/** One law of a bulk collection in the split format, with the path it gets in a corpus folder (zh/PCODE.json). */
export function toSplitFile(law: unknown, lang: Lang): { rel: string; json: Json } | { problem: string } {
  if (!law || typeof law !== "object") return { problem: "an entry of Laws[] is not an object" };
  const l = law as Json;
  const url = text(l.LawURL) ?? text(l.EngLawURL);
  const pcode = url ? pcodeOf(url) : undefined;
  if (!url || !pcode) return { problem: `a law without a LawURL holding its pcode (${text(l.LawName) ?? text(l.EngLawName) ?? "no name"})` };
  const articles = Array.isArray(l.LawArticles) ? (l.LawArticles as Json[]) : Array.isArray(l.EngLawArticles) ? (l.EngLawArticles as Json[]) : [];
  const content = articles.map((a) => {
    const type = text(a.ArticleType) ?? text(a.EngArticleType) ?? "A";
    const body = text(a.ArticleContent) ?? text(a.EngArticleContent) ?? "";
    return type === "C" ? { 編章節: body } : { 條號: text(a.ArticleNo) ?? text(a.EngArticleNo) ?? "", 條文內容: body };
  });
  const attachments = l.LawAttachements ?? l.LawAttachments ?? l.EngLawAttachements ?? l.EngLawAttachments;
  const modified = dateOf(l.LawModifiedDate) ?? dateOf(l.EngLawModifiedDate);
  const effective = dateOf(l.LawEffectiveDate);
  const json: Json =
    lang === "en"
      ? {
          英文法規名稱: text(l.EngLawName) ?? text(l.LawName),
          ...(text(l.EngLawName) && text(l.LawName) ? { 中文法規名稱: text(l.LawName) } : {}),
          最新英文異動日期: modified,
        }
      : { 法規名稱: text(l.LawName), 最新異動日期: modified };
  Object.assign(json, {
    法規性質: text(l.LawLevel) ?? text(l.EngLawLevel) ?? "",
    法規網址: url,
    ...(text(l.LawCategory) ? { 法規類別: text(l.LawCategory) } : {}),
    ...(effective ? { 生效日期: effective } : {}),
    ...(text(l.LawEffectiveNote) ? { 生效內容: text(l.LawEffectiveNote) } : {}),
    ...(text(l.LawAbandonNote) ? { 廢止註記: text(l.LawAbandonNote) } : {}),
    ...(text(l.LawHasEngVersion) ? { 是否英譯註記: text(l.LawHasEngVersion) } : {}),
    ...(text(l.LawHistories) ? { 沿革內容: text(l.LawHistories) } : {}),
    ...(text(l.LawForeword) ? { 前言: text(l.LawForeword) } : {}),
    ...(Array.isArray(attachments) ? { 附件: attachments } : {}),
    法規內容: content,
  });
  return { rel: `${lang}/${pcode}.json`, json };
}

/** The language of a collection: from its name (ChLaw / EngOrder ...), else from its article numbers. */
export function collectionLang(name: string, collection: BulkCollection): Lang {
  // The service names the English files EnLaw.json / EnOrder.json; tools often EngLaw.json.
  if (/(?:^|[\\/])(?:eng|en(?:law|order))/i.test(name)) return "en";
  if (/^ch|[\\/]ch/i.test(name)) return "zh";
  const first = collection.laws.find((l) => Array.isArray((l as Json)?.LawArticles) && ((l as Json).LawArticles as unknown[]).length > 0) as Json | undefined;
  const articles = first?.LawArticles as Json[] | undefined;
  const no = text(articles?.[0]?.ArticleNo) ?? "";
  return /^article/i.test(no) || (first && text(first.EngLawName) && !text(first.LawName)) ? "en" : "zh";
}

function pcodeOf(url: string): string | undefined {
  try {
    return new URL(url).searchParams.get("pcode") ?? undefined;
  } catch {
    return undefined;
  }
}

function text(value: unknown): string | undefined {
  if (typeof value === "number") return String(value);
  return typeof value === "string" && value.trim() !== "" ? value : undefined;
}

/** Dates come as "20241011", 20241011, "2024/10/11 ..." or "2024-10-11": always YYYYMMDD out. */
function dateOf(value: unknown): string | undefined {
  const raw = text(value);
  if (!raw) return undefined;
  const digits = /^(\d{4})\D?(\d{1,2})\D?(\d{1,2})/.exec(raw.trim());
  if (!digits?.[1] || !digits[2] || !digits[3]) return undefined;
  return `${digits[1]}${digits[2].padStart(2, "0")}${digits[3].padStart(2, "0")}`;
}
