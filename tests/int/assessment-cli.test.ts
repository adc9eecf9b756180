import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import ExcelJS from "exceljs";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { runCli, startCli, waitForOutput } from "../support/cli.js";
import { KNOWLEDGE, tempDir } from "../support/corpus.js";

const checklist = parse(readFileSync(join(KNOWLEDGE, "checklists", "security-plan.yaml"), "utf8")) as { items: Array<{ id: string }>; version: string };
const ANSWERS = ["是，政策已公告", "否", "不適用，我們沒有委外"];

function answerFor(i: number): string {
  return ANSWERS[i % ANSWERS.length] as string;
}

describe("self-assessment from the command line", () => {
  const data = tempDir("cli-");
  afterAll(() => data.cleanup());
  const db = () => new Database(join(data.path, "answers.db"), { readonly: true });

  it("walks a whole checklist from scripted input and writes the ministry-style xlsx", async () => {
    const input = `${checklist.items.map((_, i) => answerFor(i)).join("\n")}\n報告\n`;
    const run = await runCli(["assess", "security-plan", "--user", "alice"], data.path, input);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`全部作答完成`);
    const code = /自評代碼 ([0-9A-Z]{6})/.exec(run.stdout)?.[1] ?? "";
    const database = db();
    const responses = database.prepare("SELECT item_id, result, note, checklist_version FROM responses WHERE assessment_id = ?").all(code) as Array<
      Record<string, string>
    >;
    database.close();
    expect(responses).toHaveLength(checklist.items.length);
    expect(responses.every((r) => r.checklist_version === checklist.version)).toBe(true);
    expect(responses.find((r) => r.item_id === checklist.items[0]?.id)).toMatchObject({ result: "yes", note: "政策已公告" });

    const out = join(data.path, "report.xlsx");
    const report = await runCli(["report", code, "--format", "xlsx", "--out", out], data.path);
    expect(report.code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const table = workbook.worksheets[0];
    expect(table?.name).toBe("自評結果");
    expect(table?.getRow(4).values).toEqual([undefined, "查核項目", "查核內容", "查核結果", "提出佐證證明或說明", "說明及參考資料", "主管機關文件對應"]);
    expect(table?.getRow(5).getCell(3).value).toBe("是");
    expect(table?.getRow(5).getCell(4).value).toBe("政策已公告");
    expect(String(table?.getRow(5).getCell(6).value)).toMatch(/《數位經濟相關產業個人資料檔案安全維護管理辦法》第\d+條/);
    const gaps = workbook.getWorksheet("待改善事項");
    const noCount = checklist.items.filter((_, i) => answerFor(i) === "否").length;
    expect(gaps?.actualRowCount).toBe(1 + noCount);
    const summary = workbook.getWorksheet("摘要");
    const total = summary?.lastRow?.values as unknown[];
    expect(total.slice(1)).toEqual(["合計", expect.any(Number), noCount, expect.any(Number), 0, checklist.items.length]);
  });

  it("writes the report as CSV and Markdown too", async () => {
    const database = db();
    const { id } = database.prepare("SELECT id FROM assessments LIMIT 1").get() as { id: string };
    database.close();
    const csv = await runCli(["report", id, "--format", "csv", "--out", join(data.path, "r.csv")], data.path);
    expect(csv.code).toBe(0);
    const text = readFileSync(join(data.path, "r.csv"), "utf8");
    expect(text.startsWith("\uFEFF")).toBe(true);
    expect(text).toContain("查核項目,查核內容,查核結果,提出佐證證明或說明,說明及參考資料,主管機關文件對應");
    await runCli(["report", id, "--format", "md", "--out", join(data.path, "r.md")], data.path);
    expect(readFileSync(join(data.path, "r.md"), "utf8")).toContain("| 查核項目 | 查核內容 | 查核結果 |");
  });

  it("loses nothing when killed with SIGKILL right after an answer, and resumes at the next open item", async () => {
    const child = startCli(["assess", "security-plan", "--user", "bob"], data.path);
    await waitForOutput(child, /【第 1\//);
    child.stdin.write("是\n");
    await waitForOutput(child, /第 1\/\d+ 題已記錄/);
    child.stdin.write("否，尚在規劃\n");
    await waitForOutput(child, /第 2\/\d+ 題已記錄/);
    child.kill("SIGKILL");
    await new Promise((done) => child.on("close", done));

    const resumed = await runCli(["assess", "--user", "bob"], data.path, "進度\n");
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toMatch(/已完成 2\/\d+ 題/);
    expect(resumed.stdout).toContain("【第 3/");
    const database = db();
    const rows = database
      .prepare("SELECT r.item_id, r.result FROM responses r JOIN assessments a ON a.id = r.assessment_id WHERE a.owner_id = 'bob' ORDER BY r.answered_at")
      .all();
    database.close();
    expect(rows).toEqual([
      { item_id: checklist.items[0]?.id, result: "yes" },
      { item_id: checklist.items[1]?.id, result: "no" },
    ]);
  });

  it("records CLI_USER as the person answering instead of the OS user name", async () => {
    // The default (the OS user name) and the precedence of --user: tests/unit/adapters/config.test.ts and the cases above.
    const run = await runCli(["assess", "outsourcing-seed"], data.path, "是\n結束\n", { CLI_USER: "lin.mei" });
    expect(run.code).toBe(0);
    const database = db();
    const rows = database
      .prepare("SELECT r.user_id, r.result FROM responses r JOIN assessments a ON a.id = r.assessment_id WHERE a.checklist_id = 'outsourcing-seed'")
      .all();
    database.close();
    expect(rows).toEqual([{ user_id: "lin.mei", result: "yes" }]);
  });

  it("names the file and the field when a checklist is broken", async () => {
    const knowledge = join(data.path, "knowledge");
    cpSync(KNOWLEDGE, knowledge, { recursive: true });
    const file = join(knowledge, "checklists", "security-plan.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace(/^version: .*$/m, "version: latest"));
    const run = await runCli(["assess", "security-plan"], data.path, "", { KNOWLEDGE_DIR: knowledge });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(file);
    expect(run.stderr).toContain("field version");
  });
});
