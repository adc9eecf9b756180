import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../adapters/config.js";
import { createLogger } from "../../adapters/logger.js";
import { createRuntime, type Runtime } from "../../adapters/runtime.js";
import { corpusDir, tempDir } from "../support/corpus.js";

/** A few regulations from outside the eight, taken from the national snapshot (never committed). */
const ARCHIVE = resolve(import.meta.dirname, "../../../shared/corpus/moj-full/moj-20241011.tar.xz");
const NATIONAL_FILES = [
  "zh/N0030001.json", // 勞動基準法
  "en/N0030001.json",
  "zh/J0150002.json", // 公平交易法
  "zh/J0150017.json", // 多層次傳銷管理法
  "zh/J0080037.json", // 電子簽章法
  "zh/G0380237.json", // 電子支付機構管理條例
  "zh/J0170012.json", // 通訊交易解除權合理例外情事適用準則
  "zh/K0110002.json", // 旅行業管理規則
  "zh/G0350066.json", // 離島免稅購物商店設置管理辦法 (a 財政部 rule that also speaks of 旅客 and 收取)
  "zh/L0070021.json", // 菸害防制法
  "zh/G0340082.json", // 統一發票使用辦法
];

describe.skipIf(!existsSync(ARCHIVE))("retrieval beyond the eight regulations (files from the national snapshot)", () => {
  const work = tempDir("national-");
  let runtime: Runtime;
  const ask = (text: string, lang: "zh" | "en" = "zh") => runtime.retriever.retrieve({ text, lang });
  const pcodes = async (text: string, lang: "zh" | "en" = "zh") => (await ask(text, lang)).hits.slice(0, 5).map((h) => h.articleId.split(":")[0]);

  beforeAll(async () => {
    const extra = join(work.path, "national");
    spawnSync("mkdir", ["-p", extra]);
    const untar = spawnSync("tar", ["-xJf", ARCHIVE, "-C", extra, ...NATIONAL_FILES]);
    expect(untar.status).toBe(0);
    const config = loadConfig({
      REGULATIONS_DIR: `${corpusDir()},${extra}`,
      DATA_DIR: join(work.path, "data"),
      LOG_LEVEL: "silent",
      EMBEDDINGS_DIMENSIONS: "128",
    });
    runtime = await createRuntime(config, { logger: createLogger("silent") });
  }, 120_000);
  afterAll(() => work.cleanup());

  it("resolves exact references to any regulation, by full name, short name or English name, in 《》, 「」 or plain text", async () => {
    expect((await ask("勞基法第24條")).hits[0]).toMatchObject({ articleId: "N0030001:24", source: "reference" });
    expect((await ask("《勞動基準法》第 24 條第1項")).hits[0]).toMatchObject({ articleId: "N0030001:24", focus: ["N0030001:24:1"] });
    expect((await ask("「公平交易法」第21條規定什麼")).hits[0]?.articleId).toBe("J0150002:21");
    expect((await ask("公平法第21條")).hits[0]?.articleId).toBe("J0150002:21");
    expect((await ask("電子簽章法第9條")).hits[0]?.articleId).toBe("J0080037:9");
    expect((await ask("Labor Standards Act Article 24", "en")).hits[0]?.articleId).toBe("N0030001:24");
  });

  it("finds a sector's regulation when the question names the sector", async () => {
    expect(await pcodes("直銷公司的參加人退出退貨要怎麼處理？")).toContain("J0150017");
    expect(await pcodes("電子支付機構可以把用戶的支付帳戶資料給別人嗎？")).toContain("G0380237");
  });

  it("searches the regulations of an authority the question names (its 法規類別)", async () => {
    expect((await pcodes("交通部對業者向旅客收取的訂金有沒有規定上限？"))[0]).toBe("K0110002");
  });

  it("holds the 7-day-return exceptions in a retailer's scope when the database has them", async () => {
    const top = (await ask("客製化刻字的杯子，客人收到後反悔，也能主張七天內無條件退貨嗎？")).hits.slice(0, 3).map((h) => h.articleId);
    expect(top).toContain("J0170012:2");
  });

  it("still ranks the PDPA family first for a retailer's generic duty", async () => {
    const [first] = await pcodes("個資外洩要在幾小時內通報？");
    expect(["I0050021", "I0050022", "K0010162"]).toContain(first);
  });

  it("answers a neighbouring field from its regulation once the database holds it, and reads a named law's name as no content", async () => {
    // out-of-scope.yaml sends fair-trade questions to 公平交易法: held here, so it answers.
    const advert = await ask("網站標示「全台最低價」其實不是，公平會會怎麼認定這種不實廣告？");
    expect(advert.abstained).toBe(false);
    expect(advert.hits.slice(0, 3).map((h) => h.articleId)).toContain("J0150002:21");
    // "勞基法" names the Act; its articles, not others that merely write "勞基法", answer.
    const bonus = await ask("勞基法有規定年終獎金一定要發嗎？");
    expect(bonus.abstained).toBe(false);
    expect(bonus.hits[0]?.articleId.split(":")[0]).toBe("N0030001");
  });

  it("leaves a neighbouring field's question that names no regulation to that field, pointing at its articles", async () => {
    const question = "倉庫同事禮拜六被叫回來加班八小時，加班費要怎麼算？";
    const result = await ask(question);
    expect(result).toMatchObject({ abstained: true, reason: "out_of_scope", hits: [] });
    expect(result.pointers?.length).toBeGreaterThan(0);
    expect(result.pointers?.every((id) => id.startsWith("N0030001:"))).toBe(true);
    const answer = await runtime.assistant.ask(question);
    expect(answer.abstained).toBe(true);
    expect(answer.text).toContain("「勞動條件與勞雇關係」");
    expect(answer.text).toContain("可能相關的條文（我未確認能回答您的問題）：《勞動基準法》第");
    expect(answer.text).toContain("例如「依勞動基準法，…」");
    // A question no clause answers keeps its own reason, also in the field.
    expect((await ask("明年的加班費費率會不會調高？")).reason).toBe("future");
    // Named, the same question is answered from the Act.
    const named = await ask("依勞基法，禮拜六被叫回來加班八小時，加班費要怎麼算？");
    expect(named.abstained).toBe(false);
    expect(named.hits[0]?.articleId.split(":")[0]).toBe("N0030001");
  });

  it("answers a question half about a duty of ours from our regulations, even when the database holds the other half's", async () => {
    const result = await ask("客人要我們把他的資料全部刪掉，但他的訂單跟發票資料依法要保存一段時間，我們可以不刪嗎？");
    expect(result.abstained).toBe(false);
    expect(["I0050021", "I0050022", "K0010162"]).toContain(result.hits[0]?.articleId.split(":")[0]);
    expect(result.hits.slice(0, 5).map((h) => h.articleId)).toContain("I0050021:11");
  });

  it("answers a question that names a regulation outside the asker's scope from that regulation, before the retailer's own", async () => {
    // "網店" is the retailer's word (K0010162 speaks of 網際網路零售) but the question is about the Act it names.
    expect((await pcodes("菸害防制法准不准網店賣香菸？"))[0]).toBe("L0070021");
  });

  it("says so when a named regulation is not in the database, with the closest names it holds", async () => {
    const result = await ask("依照旅行業管理辦法，旅客資料要保存多久？");
    expect(result).toMatchObject({ abstained: true, unknownLaw: "旅行業管理辦法" });
    expect(result.closestLaws?.[0]).toEqual({ pcode: "K0110002", name: "旅行業管理規則" });
    const answer = await runtime.assistant.ask("依照旅行業管理辦法，旅客資料要保存多久？");
    expect(answer.text).toContain("「旅行業管理辦法」不在我收錄的法規範圍內");
    expect(answer.text).toContain("資料庫中名稱最接近的法規：《旅行業管理規則》");
  });
});
