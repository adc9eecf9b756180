import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Runtime } from "../../adapters/runtime.js";
import { tempDir } from "../support/corpus.js";
import { testRuntime } from "../support/runtime.js";

// Questions written for these tests (not taken from any evaluation set).
describe("answers over the real corpus", () => {
  const data = tempDir("answers-");
  let runtime: Runtime;
  beforeAll(async () => {
    runtime = await testRuntime(data.path);
  });
  afterAll(() => data.cleanup());

  const ask = (question: string, context?: string[]) => runtime.assistant.ask(question, context ? { context } : {});

  it("answers an exact reference with that clause first, in Chinese", async () => {
    const answer = await ask("個資法第27條");
    expect(answer.lang).toBe("zh");
    expect(answer.citations[0]?.id).toBe("I0050021:27");
    expect(answer.citations).toHaveLength(1);
    expect(answer.citations[0]?.label).toBe("《個人資料保護法》第27條");
    expect(answer.text).toContain("非公務機關保有個人資料檔案者，應採行適當之安全措施");
    expect(answer.text).toContain("資料來源：法務部全國法規資料庫");
    expect(answer.text).toContain("https://law.moj.gov.tw/LawClass/LawSingle.aspx?pcode=I0050021&flno=27");
    expect(answer.text).toContain("2023-05-31");
  });

  it("answers an English reference in English with the official translation", async () => {
    const answer = await ask("PDPA Article 27");
    expect(answer.lang).toBe("en");
    expect(answer.citations[0]).toMatchObject({ id: "I0050021:27", textLang: "en" });
    expect(answer.text).toContain("Non-government agencies in possession of personal data files shall implement proper security measures");
    expect(answer.text).toContain("Source:");
  });

  it("resolves a paragraph and item reference and follows up on a paragraph in context", async () => {
    const answer = await ask("施行細則第12條第2項");
    expect(answer.citations[0]?.id).toBe("I0050022:12:2");
    expect(answer.citations[0]?.label).toBe("《個人資料保護法施行細則》第12條第2項");
    const followUp = await ask("那第1項呢？", ["I0050022:12"]);
    expect(followUp.citations.map((c) => c.id)).toEqual(["I0050022:12:1"]);
    expect(followUp.cases).toEqual([]);
  });

  it("finds the Chinese-only K0010162 from an English question", async () => {
    const answer = await ask(
      "Within how many hours must a digital economy business notify the ministry of a personal data breach that affects many customers?",
    );
    expect(answer.abstained).toBe(false);
    expect(answer.citations.slice(0, 3).map((c) => c.articleId)).toContain("K0010162:8");
    const cited = answer.citations.find((c) => c.articleId === "K0010162:8");
    expect(cited?.textLang).toBe("zh");
    expect(answer.text).toContain("no English translation is published");
  });

  it("warns about the repealed regulation and points to its successor", async () => {
    const answer = await ask("網際網路零售業個資辦法第9條第1項第12款還適用嗎？");
    const repealed = answer.citations[0];
    expect(repealed?.id).toBe("J0080052:9:1:12");
    expect(repealed?.status).toBe("repealed");
    expect(repealed?.successor?.ids).toContain("K0010162:19:2");
    expect(answer.citations.map((c) => c.articleId)).toContain("K0010162:19");
    expect(answer.warnings.join("")).toContain("已於 2023-11-21 廢止");
    expect(answer.lead).toContain("廢止");
  });

  it("says a clause is not yet in force", async () => {
    const answer = await ask("個資法第1-1條");
    expect(answer.citations[0]?.status).toBe("not_yet_in_force");
    expect(answer.warnings.join("")).toContain("尚未施行");
    expect(answer.text).toContain("行政院定");
  });

  it("cites the outsourcing rules and a case study for an everyday question, quoting a 前項 paragraph with the one it refers to", async () => {
    const answer = await ask("我們把出貨外包給宅配公司，要怎麼管他們處理客人地址電話？");
    expect(answer.abstained).toBe(false);
    expect(answer.citations.map((c) => c.articleId)).toContain("I0050022:8");
    expect(answer.cases.map((c) => c.id)).toContain("outsourced-logistics-label-leak");
    const minimum = await ask("委外廠商的監督至少要包含哪些事項？");
    const rules = minimum.citations.find((c) => c.articleId === "I0050022:8");
    expect(rules?.label).toBe("《個人資料保護法施行細則》第8條第1項、第2項");
    expect(rules?.quote).toMatch(/^委託他人蒐集.*\n前項監督至少應包含下列事項/s);
  });

  it("abstains on a neighbouring legal field and says where to look", async () => {
    const answer = await ask("員工旅遊的費用可以列報營利事業所得稅的費用嗎？");
    expect(answer.abstained).toBe(true);
    expect(answer.citations).toEqual([]);
    expect(answer.text).toContain("無法回答");
  });

  it("abstains when the question names a law it does not hold", async () => {
    const answer = await ask("Under the Labor Standards Act, how many days of annual leave does an employee get after one year?");
    expect(answer.abstained).toBe(true);
    expect(answer.text).toContain("I don't know");
  });

  it("says a business choice, a market figure or the future is no question for a clause, in the asker's language", async () => {
    const vendor = await ask("退款通知信要用 Mailchimp 還是 SendGrid 寄比較划算？");
    expect(vendor).toMatchObject({ abstained: true, reason: "business", citations: [] });
    expect(vendor.text).toContain("商業選擇或市場資訊");
    const future = await ask("消保法的罰鍰明年會不會再提高？");
    expect(future).toMatchObject({ abstained: true, reason: "future", citations: [] });
    expect(future.text).toContain("條文不會預告自己的修正");
    const english = await ask("Which courier is cheaper for returns, Black Cat or HCT?");
    expect(english).toMatchObject({ abstained: true, reason: "business" });
    expect(english.text).toContain("business decision");
    // The same choice asked as a legal question is answered.
    const legal = await ask("把會員資料交給 SendGrid 寄信，依個資法要怎麼監督？");
    expect(legal.abstained).toBe(false);
  });

  it("says a platform's own rule is no question for a clause, and that another country's scheme is not held", async () => {
    const platform = await ask("露天賣家延遲出貨會被扣分嗎？扣到幾分會停權？");
    expect(platform).toMatchObject({ abstained: true, reason: "private", citations: [] });
    expect(platform.text).toContain("企業自訂的規則");
    const english = await ask("What chargeback reason codes does Mastercard use for items not received?");
    expect(english).toMatchObject({ abstained: true, reason: "private" });
    expect(english.text).toContain("company's own rule");
    const howTo = await ask("官網的 SSL 憑證要怎麼安裝？");
    expect(howTo).toMatchObject({ abstained: true, reason: "technical", citations: [] });
    expect(howTo.text).toContain("系統設定或技術操作");
    const scheme = await ask("外銷到日本的延長線需要 PSE 認證嗎？");
    expect(scheme).toMatchObject({ abstained: true, reason: "out_of_scope", citations: [] });
    expect(scheme.text).toContain("「PSE 認證」不在我收錄的法規範圍內");
    // The platform named in passing, Taiwan's rule asked: answered.
    const legal = await ask("客人在露天下單後想退貨，也有七天猶豫期嗎？");
    expect(legal.abstained).toBe(false);
  });

  it("abstains on a question about a foreign law, and answers with our own clause when Taiwan's rule is asked", async () => {
    const foreign = await ask("Under Brazil's LGPD, how many days do we have to answer an access request?");
    expect(foreign).toMatchObject({ abstained: true, reason: "out_of_scope", citations: [] });
    expect(foreign.text).toContain('"LGPD" is not among the regulations I hold');
    const ours = await ask("Does Taiwan have a rule like the GDPR on stopping marketing when a customer objects?");
    expect(ours.abstained).toBe(false);
    expect(ours.citations.map((c) => c.articleId)).toContain("I0050021:20");
  });

  it("searches a pasted document by its beginning and says so", async () => {
    const pasted = `請幫我看這份隱私權政策是否符合個資法：${"本公司蒐集會員之姓名、電話及地址，用於訂單配送與客戶服務。".repeat(400)}`;
    const answer = await ask(pasted);
    expect(answer.abstained).toBe(false);
    expect(answer.text).toContain("只依前 2000 字搜尋");
  });

  it("says it cannot find a clause that does not exist", async () => {
    const answer = await ask("個資法第99條");
    expect(answer.abstained).toBe(true);
    expect(answer.reason).toBe("unknown_reference");
  });
});
