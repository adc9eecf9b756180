import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../adapters/config.js";
import { createLogger } from "../../adapters/logger.js";
import { createRuntime, type Runtime } from "../../adapters/runtime.js";
import { MAX_FULL_TEXT_CHARS, MAX_QUOTE_CHARS } from "../../knowledge/index.js";
import { tempDir } from "../support/corpus.js";

describe("a valid file with one 5 MB article", () => {
  const work = tempDir("huge-");
  let runtime: Runtime;

  beforeAll(async () => {
    const corpus = join(work.path, "corpus", "zh");
    mkdirSync(corpus, { recursive: true });
    // About 1.7 M Chinese characters (5 MB of UTF-8), with one rare word at its very end.
    const filler = "業者應依本辦法訂定安全維護計畫並定期檢討之。".repeat(78_000);
    const file = {
      法規性質: "命令",
      法規名稱: "超長條文測試辦法",
      法規網址: "https://law.moj.gov.tw/LawClass/LawAll.aspx?pcode=Z0000001",
      最新異動日期: "20240101",
      法規內容: [
        { 條號: "第 1 條", 條文內容: `${filler}\r\n末段規定鯨豚觀察紀錄應保存五年。` },
        { 條號: "第 2 條", 條文內容: "本辦法自發布日施行。" },
      ],
    };
    writeFileSync(join(corpus, "Z0000001.json"), JSON.stringify(file));
    const config = loadConfig({
      REGULATIONS_DIR: join(work.path, "corpus"),
      DATA_DIR: join(work.path, "data"),
      LOG_LEVEL: "silent",
      EMBEDDINGS_DIMENSIONS: "64",
    });
    runtime = await createRuntime(config, { logger: createLogger("silent") });
  }, 120_000);
  afterAll(() => work.cleanup());

  it("is indexed whole: a word at its very end finds it", async () => {
    const result = await runtime.retriever.retrieve({ text: "鯨豚觀察紀錄要保存多久？", lang: "zh" });
    expect(result.hits[0]?.articleId).toBe("Z0000001:1");
  });

  it("is quoted by its beginning, with the link, never printed whole", async () => {
    const answer = await runtime.assistant.ask("超長條文測試辦法第1條");
    const [citation] = answer.citations;
    expect(citation?.articleId).toBe("Z0000001:1");
    expect(citation?.quote.length).toBeLessThanOrEqual(MAX_QUOTE_CHARS + 20);
    expect(citation?.quote).toMatch(/（全文請見連結）$/);
    expect(citation?.articleText.length).toBeLessThanOrEqual(MAX_FULL_TEXT_CHARS + 20);
    expect(citation?.url).toContain("pcode=Z0000001");
    expect(answer.text.length).toBeLessThan(20_000);
  });
});
