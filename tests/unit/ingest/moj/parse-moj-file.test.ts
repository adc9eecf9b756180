import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseMojFile } from "../../../../ingest/moj/parse-moj-file.js";
import { corpusDir } from "../../../support/corpus.js";

const TODAY = "2026-11-27";

function parse(lang: "zh" | "en", pcode: string) {
  const file = join(corpusDir(), lang, `${pcode}.json`);
  const result = parseMojFile(file, readFileSync(file, "utf8"), TODAY);
  if (!result.ok) throw new Error(result.reason);
  return result.value;
}

describe("parseMojFile on the official files", () => {
  it("accepts a byte-order mark and reports metadata", () => {
    const file = join(corpusDir(), "zh", "K0010162.json");
    const raw = readFileSync(file, "utf8");
    const withBom = raw.startsWith("\uFEFF") ? raw : `\uFEFF${raw}`;
    const result = parseMojFile(file, withBom, TODAY);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.regulation).toMatchObject({
      pcode: "K0010162",
      lang: "zh",
      name: "數位經濟相關產業個人資料檔案安全維護管理辦法",
      status: "in_force",
      asOf: "2023-10-12",
    });
  });

  it("splits an article into paragraphs and items with stable ids", () => {
    const { clauses } = parse("zh", "K0010162");
    const byId = new Map(clauses.map((c) => [c.id, c]));
    expect(byId.get("K0010162:8")?.level).toBe("article");
    expect(byId.get("K0010162:8:2")?.text).toMatch(/^業者遇有個人資料安全事故.*七十二小時內/);
    expect(byId.get("K0010162:8:1:2")?.text).toMatch(/^二、適時以電子郵件/);
    // Paragraph 1 of Art. 9 lists items; item 6 has sub-items (一)...(七).
    expect(byId.get("K0010162:9:1:6:2")?.text).toBe("（二）確認當事人或其代理人之身分。");
    expect(byId.get("K0010162:9:1:6:2")?.path).toEqual([1, 6, 2]);
  });

  it("reads inserted articles (第 1-1 條) and marks what is not yet in force", () => {
    const { regulation, clauses } = parse("zh", "I0050021");
    expect(regulation.notInForceArticles).toEqual(["1-1"]);
    const inserted = clauses.find((c) => c.id === "I0050021:1-1");
    expect(inserted?.status).toBe("not_yet_in_force");
    expect(inserted?.chapter).toBe("第 一 章 總則");
    expect(clauses.find((c) => c.id === "I0050021:27")?.status).toBe("in_force");
  });

  it("marks every clause of a repealed regulation", () => {
    const { regulation, clauses } = parse("zh", "J0080052");
    expect(regulation.status).toBe("repealed");
    expect(clauses.every((c) => c.status === "repealed")).toBe(true);
    expect(clauses.find((c) => c.id === "J0080052:9:1:12")?.text).toMatch(/^十二、委託他人蒐集/);
  });

  it("reads the English file of the same PCODE with the same ids", () => {
    const { regulation, clauses } = parse("en", "I0050021");
    expect(regulation).toMatchObject({ lang: "en", name: "Personal Data Protection Act", nameZh: "個人資料保護法" });
    expect(clauses.find((c) => c.id === "I0050021:2:1:1")?.text).toMatch(/^1\. "personal data" refers to/);
    expect(clauses.find((c) => c.id === "I0050021:1-1")).toBeDefined();
  });

  it("keeps deleted articles, marked deleted", () => {
    const { clauses } = parse("zh", "J0170001");
    expect(clauses.find((c) => c.id === "J0170001:19-1")?.status).toBe("deleted");
  });

  it("names the field when a file is malformed", () => {
    const bad = parseMojFile("x.json", JSON.stringify({ 法規網址: "https://law.moj.gov.tw/x?pcode=A1234567", 法規內容: [] }), TODAY);
    expect(bad).toMatchObject({ ok: false, file: "x.json" });
    if (!bad.ok) expect(bad.reason).toContain("法規名稱");
    const broken = parseMojFile("y.json", "{ not json", TODAY);
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.reason).toMatch(/not valid JSON/);
  });

  it("keeps a regulation that has no article (its content is in attachments), with no clause", () => {
    const file = { 法規名稱: "某某收費標準", 法規網址: "https://law.moj.gov.tw/LawClass/LawAll.aspx?pcode=A0000003", 最新異動日期: "20200101", 法規內容: [] };
    const result = parseMojFile("a.json", JSON.stringify(file), TODAY);
    expect(result).toMatchObject({ ok: true, value: { regulation: { pcode: "A0000003", name: "某某收費標準" }, clauses: [] } });
    const broken = parseMojFile("b.json", JSON.stringify({ ...file, 法規內容: [{ 條號: 7 }] }), TODAY);
    expect(broken.ok).toBe(false);
  });
});
