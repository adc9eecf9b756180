import { dirname, join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reportToMarkdown } from "../../adapters/report/write-report.js";
import { runCli } from "../support/cli.js";
import { itemOf, partsOf, say } from "../support/engine.js";
import { createFakeEngine, type FakeEngine } from "../support/fakes/index.js";

describe("notes that append, and the tamper-evident answer log", () => {
  // The real engine and SQLite answer log over the fake retriever and knowledge (checklist "mini").
  let services: FakeEngine;
  let dataDir = "";
  let code = "";
  let itemId = "";
  beforeAll(() => {
    services = createFakeEngine();
    dataDir = dirname(services.store.db.name);
  });
  afterAll(() => services.close());

  it("adds every 「備註：…」 to the evidence with who and when; the report shows all of them", async () => {
    const first = itemOf(await say(services.engine, "alice", "開始自評 迷你"));
    code = first.assessmentId;
    itemId = first.itemId;
    await say(services.engine, "alice", "是，政策已公告");
    await say(services.engine, "alice", "備註：公告於 2024/3 內網");
    const added = await say(services.engine, "alice", "備註：another note, in English");
    expect(partsOf(added, "recorded")[0]?.recorded.note).toMatch(/^政策已公告\n公告於 2024\/3 內網（alice，\d{4}-\d\d-\d\d \d\d:\d\d）\nanother note/);
    const [response] = (await services.store.responses(code)).filter((r) => r.itemId === itemId);
    expect(response).toMatchObject({ note: "政策已公告", userId: "alice" });
    expect(response?.notes?.map((n) => n.text)).toEqual(["公告於 2024/3 內網", "another note, in English"]);
    const report = await services.engine.report(code, "zh");
    const evidence = report?.rows.find((r) => r.itemId === itemId)?.evidence ?? "";
    expect(evidence.split("\n")).toHaveLength(3);
    expect(evidence).toContain("政策已公告");
    expect(evidence).toContain("公告於 2024/3 內網（alice，");
    expect(evidence).toContain("another note, in English（alice，");
    const events = (await services.store.events(code)).map((e) => e.type);
    expect(events.filter((t) => t === "noted")).toHaveLength(2);
  });

  it("states the chain head the report was built from", async () => {
    const head = await services.store.chainHead();
    expect(head.seq).toBeGreaterThan(3);
    const report = await services.engine.report(code, "zh");
    expect(report?.chainHead).toEqual(head);
    expect(reportToMarkdown(report ?? ({} as never))).toContain(`答案紀錄雜湊鏈：第 ${head.seq} 筆，sha256 ${head.hash}`);
  });

  it("`npm run cli -- verify-log` checks the whole chain and names the first broken record", async () => {
    const intact = await runCli(["verify-log"], dataDir);
    expect(intact.code).toBe(0);
    const head = await services.store.chainHead();
    expect(intact.stdout).toContain(`Answer log intact: ${head.seq} records`);
    expect(intact.stdout).toContain(head.hash);

    const db = new Database(join(dataDir, "answers.db"));
    db.exec("DROP TRIGGER events_no_update");
    const row = db.prepare("SELECT chain_seq, seq FROM events WHERE assessment_id = ? AND type = 'answered'").get(code) as { chain_seq: number; seq: number };
    db.prepare("UPDATE events SET result = 'no' WHERE seq = ?").run(row.seq);
    db.close();
    const broken = await runCli(["verify-log", "--json"], dataDir);
    expect(broken.code).toBe(1);
    const result = JSON.parse(broken.stdout) as { ok: boolean; broken: { seq: number; record: string; reason: string } };
    expect(result.ok).toBe(false);
    expect(result.broken.seq).toBe(row.chain_seq);
    expect(result.broken.record).toContain(`event ${row.seq} (${code} answered ${itemId}`);
    const text = await runCli(["verify-log"], dataDir);
    expect(text.stdout).toMatch(new RegExp(`BROKEN .*first broken record #${row.chain_seq} event`));
  });
});
