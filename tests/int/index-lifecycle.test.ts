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
});
