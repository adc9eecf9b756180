import { cpSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../adapters/config.js";
import { createLogger } from "../../adapters/logger.js";
import { createServices, type Services } from "../../adapters/runtime.js";
import { showPastAnswer } from "../../adapters/sync/show-answer.js";
import { syncWithImpact } from "../../adapters/sync/sync-command.js";
import { KNOWLEDGE_DIR } from "../../knowledge/index.js";
import { partsOf, say } from "../support/engine.js";
import { ARCHIVES, extractSubset } from "../support/open-data.js";

/**
 * The real test of issue 10 "Kept current": index the 2023-04-28 snapshot, answer a
 * question citing J0080052, one citing a PDPA article amended in 2023, an assessment item
 * citing J0080052; sync to 2024-10-11; the change report and its impact must say exactly
 * what an independent comparison of the two snapshots says.
 */
const OLD = ["zh/I0050021.json", "en/I0050021.json", "zh/I0050022.json", "zh/J0080052.json", "en/J0080052.json", "zh/J0170001.json"];
const NEW = [...OLD, "zh/K0010162.json"];
const logger = createLogger("silent");

let tmp: string;
let oldDir: string;
let newDir: string;
let env: Record<string, string>;

const LEGACY_CHECKLIST = `
id: legacy-retail
version: "2023.1"
title_zh: 網路零售業個資安全維護（2023年版）
title_en: Online retail personal data security (2023 edition)
description_zh: 依當時的網際網路零售業個資辦法編寫的查核項目。
description_en: Items written against the online-retail regulation in force in 2023.
sections:
  - id: plan
    title_zh: 安全維護計畫
    title_en: Security plan
items:
  - id: LR-01
    section: plan
    item_zh: 委外監督
    item_en: Outsourcing supervision
    question_zh: 是否依規定監督受託者？
    question_en: Do you supervise processors as required?
    evidence_zh: [委外契約]
    evidence_en: [Processor contracts]
    guidance_zh: 依當時規定。
    guidance_en: As the rule then required.
    remediation_zh: 建立委外監督程序。
    remediation_en: Set up a supervision procedure.
    clauses: [J0080052:9]
  - id: LR-02
    section: plan
    item_zh: 損害賠償
    item_en: Damages
    question_zh: 是否了解損害賠償責任？
    question_en: Do you know the liability for damages?
    evidence_zh: [內部說明]
    evidence_en: [Internal note]
    guidance_zh: 個資法第29條。
    guidance_en: PDPA Art. 29.
    remediation_zh: 向同仁說明。
    remediation_en: Brief the staff.
    clauses: [I0050021:29]
`;

/** Independent comparison of two folders of split files: per PCODE what was added, repealed, and which articles changed. */
function compareSnapshots(before: string, after: string) {
  const read = (dir: string) => {
    const out = new Map<string, { repealed: boolean; articles: Map<string, string> }>();
    for (const name of NEW.filter((n) => n.startsWith("zh/"))) {
      let raw: string;
      try {
        raw = readFileSync(join(dir, name), "utf8");
      } catch {
        continue;
      }
      const f = JSON.parse(raw.replace(/^\uFEFF/, "")) as { 廢止註記?: string; 法規內容: Array<{ 條號?: string; 條文內容?: string }> };
      const articles = new Map<string, string>();
      for (const e of f.法規內容) {
        if (!e.條號) continue;
        const no = e.條號.replace(/^第\s*|\s*條$/g, "").replace(/\s+/g, "");
        const text = (e.條文內容 ?? "")
          .split(/\r?\n/)
          .map((l) => l.trim())
          .filter(Boolean)
          .join("\n");
        articles.set(no, text);
      }
      out.set(name.slice(3, -5), { repealed: Boolean(f.廢止註記), articles });
    }
    return out;
  };
  const a = read(before);
  const b = read(after);
  const added = [...b.keys()].filter((p) => !a.has(p));
  const repealed = [...b.entries()].filter(([p, r]) => r.repealed && a.has(p) && !a.get(p)?.repealed).map(([p]) => p);
  const amended = new Map<string, { added: string[]; changed: string[] }>();
  for (const [pcode, r] of b) {
    const old = a.get(pcode);
    if (!old) continue;
    const addedArticles = [...r.articles.keys()].filter((n) => !old.articles.has(n)).map((n) => `${pcode}:${n}`);
    const changed = [...r.articles.entries()].filter(([n, t]) => old.articles.has(n) && old.articles.get(n) !== t).map(([n]) => `${pcode}:${n}`);
    if (addedArticles.length + changed.length > 0) amended.set(pcode, { added: addedArticles, changed });
  }
  return { added, repealed, amended };
}

async function services(): Promise<Services> {
  return createServices(loadConfig(env), { logger });
}

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), "sync-versions-"));
  oldDir = join(tmp, "2023");
  newDir = join(tmp, "2024");
  mkdirSync(oldDir);
  mkdirSync(newDir);
  extractSubset(ARCHIVES["2023-04-28"], oldDir, OLD);
  extractSubset(ARCHIVES["2024-10-11"], newDir, NEW);
  const knowledge = join(tmp, "knowledge");
  cpSync(KNOWLEDGE_DIR, knowledge, { recursive: true, filter: (src) => !src.endsWith(".ts") });
  writeFileSync(join(knowledge, "checklists", "legacy-retail.yaml"), LEGACY_CHECKLIST);
  env = { DATA_DIR: join(tmp, "data"), KNOWLEDGE_DIR: knowledge, REGULATIONS_DIR: join(tmp, "nowhere"), LOG_LEVEL: "silent" };
});

afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

describe("sync from the 2023-04-28 snapshot to 2024-10-11", () => {
  const ids: Record<string, string> = {};
  let assessmentId = "";

  it("indexes the 2023 snapshot and answers against it, recording the corpus version", async () => {
    const first = await syncWithImpact(loadConfig(env), logger, { source: oldDir, version: "2023-04-28", lang: "zh" });
    expect(first.report.version).toBe("2023-04-28");
    expect(first.report.change.previous).toBeUndefined();
    const s = await services();
    try {
      const ask = async (key: string, text: string) => {
        const reply = await say(s.engine, "alice", text, { conversationId: key });
        const answer = partsOf(reply, "answer")[0];
        if (!answer) throw new Error(`no answer to ${text}`);
        ids[key] = answer.questionId;
        return answer.answer;
      };
      const legacy = await ask("legacy", "《網際網路零售業及網際網路零售服務平台業個人資料檔案安全維護計畫及業務終止後個人資料處理作業辦法》第9條");
      expect(legacy.citations[0]?.articleId).toBe("J0080052:9");
      expect(legacy.citations[0]?.version).toBe("2023-04-28");
      const pdpa = await ask("pdpa", "個資法第48條");
      expect(pdpa.citations[0]?.articleId).toBe("I0050021:48");
      const unchanged = await ask("unchanged", "個資法第29條");
      expect(unchanged.citations[0]?.articleId).toBe("I0050021:29");

      await say(s.engine, "alice", "開始自評 legacy-retail", { conversationId: "assess" });
      await say(s.engine, "alice", "是，有委外契約", { conversationId: "assess" });
      const done = await say(s.engine, "alice", "是", { conversationId: "assess" });
      assessmentId = partsOf(done, "recorded")[0]?.recorded.assessmentId ?? "";
      expect(assessmentId).not.toBe("");
      const responses = await s.store.responses(assessmentId);
      expect(responses.map((r) => [r.itemId, r.corpusVersion])).toEqual([
        ["LR-01", "2023-04-28"],
        ["LR-02", "2023-04-28"],
      ]);
      expect((await s.store.question(ids.legacy ?? ""))?.citationVersions).toEqual({ "J0080052:9": "2023-04-28" });
    } finally {
      await s.store.close();
    }
  });

  it("syncs to 2024-10-11: the report matches an independent comparison and flags exactly what cites a change", async () => {
    const { report, impact } = await syncWithImpact(loadConfig(env), logger, { source: newDir, version: "2024-10-11", lang: "zh" });
    const expected = compareSnapshots(oldDir, newDir);
    const byPcode = new Map(report.change.regulations.map((r) => [r.pcode, r]));
    expect(report.change.previous).toBe("2023-04-28");
    expect(expected.repealed).toEqual(["J0080052"]);
    expect(expected.added).toEqual(["K0010162"]);
    expect(byPcode.get("J0080052")?.kinds).toContain("repealed");
    expect(byPcode.get("K0010162")?.kinds).toEqual(["added"]);
    expect(report.change.regulations.filter((r) => r.kinds.includes("added")).map((r) => r.pcode)).toEqual(expected.added);
    expect(report.change.regulations.filter((r) => r.kinds.includes("repealed")).map((r) => r.pcode)).toEqual(expected.repealed);
    // The PDPA's 2023-05-31 amendment: Art. 1-1 added, Arts. 48 and 56 amended (as the files say).
    const pdpa = byPcode.get("I0050021");
    expect(pdpa?.modified).toBe("2023-05-31");
    expect(pdpa?.articles.added).toEqual(expected.amended.get("I0050021")?.added);
    expect(pdpa?.articles.changed).toEqual(expected.amended.get("I0050021")?.changed);
    expect(pdpa?.articles.added).toContain("I0050021:1-1");
    for (const [pcode, articles] of expected.amended) {
      expect(byPcode.get(pcode)?.articles.changed.length).toBe(articles.changed.length);
      expect(byPcode.get(pcode)?.articles.added.length).toBe(articles.added.length);
    }
    expect(report.change.regulations.filter((r) => r.kinds.includes("amended")).length).toBe(expected.amended.size);

    expect(impact?.questions.map((q) => q.questionId).sort()).toEqual([ids.legacy, ids.pdpa].sort());
    const legacy = impact?.questions.find((q) => q.questionId === ids.legacy)?.clauses[0];
    expect(legacy?.reason).toBe("repealed");
    expect(legacy?.successor?.ids.some((id) => id.startsWith("K0010162:"))).toBe(true);
    expect(impact?.questions.find((q) => q.questionId === ids.pdpa)?.clauses[0]).toMatchObject({ id: "I0050021:48", reason: "changed" });
    expect(impact?.responses.map((r) => [r.assessmentId, r.itemId, r.open])).toEqual([[assessmentId, "LR-01", false]]);
    expect(impact?.responses[0]?.clauses[0]?.successor?.labels[0]).toMatch(/^《數位經濟相關產業個人資料檔案安全維護管理辦法》第\d+條/);
    expect(impact?.items.find((i) => i.itemId === "LR-01")?.clauses[0]?.reason).toBe("repealed");
    expect(impact?.items.some((i) => i.itemId === "LR-02")).toBe(false);
  });

  it("shows a past answer with the text it quoted then", async () => {
    const config = loadConfig(env);
    const then = JSON.parse(readFileSync(join(oldDir, "zh/I0050021.json"), "utf8").replace(/^\uFEFF/, "")) as {
      法規內容: Array<{ 條號?: string; 條文內容?: string }>;
    };
    const art48 = then.法規內容.find((e) => e.條號?.replace(/\s+/g, "") === "第48條")?.條文內容 ?? "";
    const past = await showPastAnswer(config, ids.pdpa ?? "");
    expect(past.citations[0]?.version).toBe("2023-04-28");
    expect(past.citations[0]?.changedSince).toBe(true);
    const firstLine = art48.split(/\r?\n/)[0]?.trim() ?? "";
    expect(firstLine.length).toBeGreaterThan(5);
    expect(past.citations[0]?.text).toContain(firstLine);
    expect(past.text).toContain("此條文其後已變動");
  });

  it("tells the owner on resume, marks the report, and answers 法規更新 for the asker's scope", async () => {
    const s = await services();
    try {
      const resumed = await say(s.engine, "alice", `繼續 ${assessmentId}`, { conversationId: "assess2" });
      const notice = partsOf(resumed, "notice").find((p) => p.text.startsWith("法規已變動，請重新確認"));
      expect(notice?.text).toContain("LR-01");
      expect(notice?.text).toContain("《數位經濟相關產業個人資料檔案安全維護管理辦法》");
      expect(notice?.text).not.toContain("LR-02");
      const report = await s.engine.report(assessmentId, "zh");
      const row = report?.rows.find((r) => r.itemId === "LR-01");
      expect(row?.regulationChanged).toMatch(/^法規已變動，請重新確認/);
      expect(row?.clauses).toContain("法規已變動，請重新確認");
      expect(report?.rows.find((r) => r.itemId === "LR-02")?.regulationChanged).toBeUndefined();

      const changes = await say(s.engine, "bob", "法規更新");
      const text = partsOf(changes, "notice")[0]?.text ?? "";
      expect(text).toContain("2023-04-28 → 2024-10-11");
      expect(text).toContain("I0050021");
      expect(text).toContain("K0010162");
      const english = await say(s.engine, "bob", "what changed?");
      expect(partsOf(english, "notice")[0]?.text).toContain("Sync 2023-04-28 → 2024-10-11");
      // PDPA Art. 1-1 has no earlier text: the answer says plainly it may not be in force yet.
      const art11 = partsOf(await say(s.engine, "bob", "個資法第1-1條"), "answer")[0]?.answer;
      expect(art11?.citations[0]?.status).toBe("not_yet_in_force");
      expect(art11?.warnings.join("\n")).toContain("可能尚未生效");
    } finally {
      await s.store.close();
    }
  });

  it("keeps the corpus when a sync is implausible", async () => {
    const config = loadConfig(env);
    const before = readlinkSync(join(config.dataDir, "corpus", "current"));
    const partial = join(tmp, "partial");
    mkdirSync(join(partial, "zh"), { recursive: true });
    cpSync(join(newDir, "zh/I0050021.json"), join(partial, "zh/I0050021.json"));
    await expect(syncWithImpact(config, logger, { source: partial, version: "2024-10-12", lang: "zh" })).rejects.toMatchObject({ code: "SYNC_REJECTED" });
    expect(readlinkSync(join(config.dataDir, "corpus", "current"))).toBe(before);
    await expect(syncWithImpact(config, logger, { source: oldDir, version: "2023-04-28", lang: "zh" })).rejects.toMatchObject({ code: "SYNC_REJECTED" });
    expect(resolve(config.regulationDirs[0] ?? "")).toBe(config.syncedCorpusDir);
  });
});
