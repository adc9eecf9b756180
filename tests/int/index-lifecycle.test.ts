import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureIndex } from "../../ingest/index.js";
import { corpusDir, KNOWLEDGE, tempDir } from "../support/corpus.js";

const TODAY = "2026-11-27";

describe("index lifecycle (real HNSWLib and files in a temp dir)", () => {
  const work = tempDir("index-");
  const corpus = join(work.path, "corpus");
  const indexDir = join(work.path, "index");
  const options = (dimensions = 256) => ({
    corpusDirs: [corpus],
    knowledgeDir: KNOWLEDGE,
    indexDir,
    today: TODAY,
    embeddings: { provider: "hashing" as const, dimensions },
  });

  beforeAll(() => cpSync(corpusDir(), corpus, { recursive: true }));
  afterAll(() => work.cleanup());

  it("builds the index on first use", async () => {
    const { report, manifest } = await ensureIndex(options());
    expect(report.status).toBe("built");
    expect(report.embedded).toBeGreaterThan(400);
    expect(manifest.counts.regulations).toBe(14);
    expect(manifest.embedding).toEqual({ id: report.embeddingId, dimensions: 256 });
  });

  it("does no work when nothing changed", async () => {
    const { report } = await ensureIndex(options());
    expect(report).toMatchObject({ status: "up-to-date", embedded: 0, changed: [], added: [], removed: [] });
  });

  it("re-embeds only the texts of a changed file", async () => {
    const file = join(corpus, "zh", "K0010162.json");
    const data = JSON.parse(readFileSync(file, "utf8").replace(/^\uFEFF/, ""));
    data.法規內容[19].條文內容 = "本辦法自發布日施行。（測試修改）";
    writeFileSync(file, JSON.stringify(data));
    const { report, kb } = await ensureIndex(options());
    expect(report.status).toBe("updated");
    expect(report.changed).toEqual([file]);
    expect(report.embedded).toBe(1);
    expect(report.reused).toBeGreaterThan(400);
    expect(kb.clause("K0010162:20", "zh")?.text).toContain("測試修改");
  });

  it("rebuilds when the embedding model no longer matches the manifest", async () => {
    const { report, manifest } = await ensureIndex(options(128));
    expect(report.status).toBe("rebuilt");
    expect(report.reason).toMatch(/embedding model changed/);
    expect(manifest.embedding.dimensions).toBe(128);
  });

  it("rebuilds when the manifest is damaged, never using it silently", async () => {
    writeFileSync(join(indexDir, "manifest.json"), "{ not json");
    const { report } = await ensureIndex(options(128));
    expect(report.status).toBe("rebuilt");
    expect(report.reason).toMatch(/manifest unreadable/);
  });

  it("reports a malformed file by name and reason and ingests the others", async () => {
    const bad = join(corpus, "zh", "Z9999999.json");
    writeFileSync(bad, JSON.stringify({ 法規名稱: "壞檔案", 法規網址: "not a url", 法規內容: [] }));
    const { report, manifest } = await ensureIndex(options(128));
    expect(report.problems).toEqual([{ file: bad, reason: expect.stringContaining("法規網址") }]);
    expect(manifest.counts.regulations).toBe(14);
  });

  it("skips one malformed article, reports it, and loads the rest of its file", async () => {
    const file = join(corpus, "zh", "J0170002.json");
    const data = JSON.parse(readFileSync(file, "utf8").replace(/^\uFEFF/, ""));
    const index = data.法規內容.findIndex((e: { 條號?: string }) => e.條號?.replace(/\s+/g, "") === "第3條");
    data.法規內容[index] = { 條號: "第 3 條", 條文內容: 42 };
    writeFileSync(file, JSON.stringify(data));
    const { report, kb } = await ensureIndex(options(128));
    expect(report.problems).toContainEqual({ file, reason: expect.stringMatching(/法規內容\[\d+\]: 第 3 條 malformed/) });
    // Only the English translation of the skipped article is left to quote.
    expect(kb.clause("J0170002:3", "zh")?.lang).not.toBe("zh");
    expect(kb.clause("J0170002:2", "zh")?.lawName).toBe("消費者保護法施行細則");
    expect(kb.clause("J0170002:4", "zh")).toBeDefined();
  });

  it("keeps the last good version of a file whose update does not parse", async () => {
    const file = join(corpus, "zh", "I0050021.json");
    writeFileSync(file, "{ broken update");
    const { report, kb } = await ensureIndex(options(128));
    expect(report.status).toBe("updated");
    expect(report.problems).toContainEqual({ file, reason: expect.stringContaining("the last good version (2023-05-31) stays in the index") });
    // The Chinese text stays under its Chinese label; the English file does not stand in for it.
    expect(kb.regulation("I0050021", "zh")).toMatchObject({ lang: "zh", name: "個人資料保護法" });
    expect(kb.clause("I0050021:27", "zh")).toMatchObject({ lang: "zh", lawName: "個人資料保護法" });
    // Unchanged files keep the index as it is, bad file included.
    expect((await ensureIndex(options(128))).report.status).toBe("up-to-date");
  });
});
