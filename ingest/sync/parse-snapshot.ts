import type { ClauseRecord, RegulationRecord } from "../../knowledge/index.js";
import { type ParseResult, parseMojFile } from "../moj/parse-moj-file.js";
import type { Snapshot } from "./read-source.js";

export interface ParsedSnapshot {
  regulations: RegulationRecord[];
  /** Article-level records only (paragraphs and items are derived again at index time). */
  articles: ClauseRecord[];
  /** 生效日期 per `pcode/lang`, ISO. */
  effectiveDates: Map<string, string>;
  problems: string[];
  /** The latest 最新異動日期 of the Chinese files, ISO: the version of a folder without UpdateDate. */
  latestModified: string;
}

/** Parses every file of a snapshot the way ingest will, keeping only what the version store needs. */
export function parseSnapshot(snapshot: Snapshot, today: string): ParsedSnapshot {
  const out: ParsedSnapshot = { regulations: [], articles: [], effectiveDates: new Map(), problems: [...snapshot.problems], latestModified: "" };
  const seen = new Set<string>();
  for (const file of snapshot.files) {
    if (seen.has(file.rel)) {
      out.problems.push(`${file.rel}: listed twice; the first one is kept`);
      continue;
    }
    seen.add(file.rel);
    const raw = file.read();
    const result = withoutArticles(parseMojFile(file.rel, raw, today), file.rel, raw, today);
    if (!result.ok) {
      out.problems.push(`${file.rel}: ${result.reason}`);
      continue;
    }
    const { regulation, clauses } = result.value;
    out.regulations.push(regulation);
    for (const clause of clauses) if (clause.level === "article") out.articles.push(clause);
    const effective = /"生效日期"\s*:\s*"(\d{4})(\d{2})(\d{2})"/.exec(raw);
    if (effective) out.effectiveDates.set(`${regulation.pcode}/${regulation.lang}`, `${effective[1]}-${effective[2]}-${effective[3]}`);
    if (regulation.lang === "zh" && regulation.asOf > out.latestModified) out.latestModified = regulation.asOf;
  }
  applyChineseStatus(out);
  return out;
}

/**
 * About 470 regulations of the national database have no article at all (their text is
 * in attachments, or only the name survives a repeal): ingest skips them, but the version
 * store still records that they exist, are repealed or renamed.
 */
function withoutArticles(result: ParseResult, rel: string, raw: string, today: string): ParseResult {
  if (result.ok || !/no article/.test(result.reason)) return result;
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(raw.replace(/^\uFEFF/, "")) as Record<string, unknown>;
  } catch {
    return result;
  }
  // Parse it again with one placeholder article to get the metadata exactly as ingest reads it; the article is dropped.
  const probe = parseMojFile(rel, JSON.stringify({ ...json, 法規內容: [{ 條號: "第 1 條", 條文內容: "" }] }), today);
  return probe.ok ? { ok: true, value: { regulation: probe.value.regulation, clauses: [], skipped: [] } } : result;
}

/** As ingest does: the Chinese file's status decides for the English text too. */
function applyChineseStatus(out: ParsedSnapshot): void {
  const zh = new Map(out.regulations.filter((r) => r.lang === "zh").map((r) => [r.pcode, r]));
  const zhArticles = new Map(out.articles.filter((a) => a.lang === "zh").map((a) => [a.articleId, a.status]));
  for (const r of out.regulations) {
    const chinese = zh.get(r.pcode);
    if (r.lang === "en" && chinese) r.status = chinese.status;
  }
  for (const a of out.articles) {
    const status = a.lang === "en" ? zhArticles.get(a.articleId) : undefined;
    if (status) a.status = status;
  }
}
