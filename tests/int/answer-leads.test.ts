import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Runtime } from "../../adapters/runtime.js";
import { unsupportedFacts } from "../../bot/index.js";
import { tempDir } from "../support/corpus.js";
import { testRuntime } from "../support/runtime.js";

// Questions written for these tests (not taken from any evaluation set).
describe("direct leads over the real corpus", () => {
  const data = tempDir("answer-leads-");
  let runtime: Runtime;
  beforeAll(async () => {
    runtime = await testRuntime(data.path);
  });
  afterAll(() => data.cleanup());

  const ask = (question: string) => runtime.assistant.ask(question);

  it("answers an access request with the access deadline, not the correction one", async () => {
    const access = await ask("會員要求查看並複印我們存的他的資料，我們最晚幾天內要決定給不給？");
    expect(access.citations[0]?.id).toBe("I0050021:13:1");
    expect(access.lead).toContain("十五日內");
    expect(access.lead).not.toContain("三十日");
    expect(access.lead).toContain("《個人資料保護法》第13條第1項");
    const correction = await ask("會員說我們存的地址錯了要求更正，我們要在多久內回覆？");
    expect(correction.lead).toContain("三十日內");
    expect(correction.lead).toContain("第13條第2項");
  });

  it("answers a named clause with that clause, also inside a longer message, unless it lacks the figure asked for", async () => {
    const quoted = await ask("主管在群組貼了「消保法第19條」，說退貨客訴要照這條處理，這條講的是什麼？");
    expect(quoted.citations[0]?.articleId).toBe("J0170001:19");
    expect(quoted.lead).toContain("《消費者保護法》第19條");
    const english = await runtime.assistant.ask("What does PDPA Article 12 require us to do after a leak?", { lang: "en" });
    expect(english.citations[0]?.articleId).toBe("I0050021:12");
    // Art. 20 is named, but the fine is in the penalty article: that one answers.
    const fine = await ask("違反個資法第20條的行銷規定，依法最多罰多少錢？");
    expect(fine.lead).toMatch(/罰鍰/);
    expect(fine.citations[0]?.articleId).not.toBe("I0050021:20");
  });

  it("states the reporting deadline and the authority in the clause's words, 本部 named as the ministry", async () => {
    const answer = await ask("發生個資外洩事故，要在多久內通報主管機關？");
    expect(answer.lead).toContain("七十二小時內");
    expect(answer.lead).toContain("通報數位發展部");
    expect(answer.lead).toContain("第8條第2項");
    expect(answer.lead).toMatch(/附表.*不在條文內容中/);
  });

  it("gives an English reader the Chinese-only clause with its figures in English", async () => {
    const answer = await ask("How long do we have to report a personal data breach to the authority?");
    expect(answer.lead).toContain("七十二小時");
    expect(answer.lead).toContain("72 hours");
    expect(answer.lead).toContain("Ministry of Digital Affairs");
  });

  it("lists the duties of a multi-duty question from distinct articles, one line each with its label", async () => {
    const answer = await ask("我們被駭了，客人資料外洩，現在要做什麼？");
    const duties = answer.lead.split("\n").filter((line) => /^\d\. /.test(line));
    expect(duties.length).toBeGreaterThanOrEqual(2);
    const articles = duties.map((line) => /（(《[^》]+》第[\d-]+條)/.exec(line)?.[1]);
    expect(new Set(articles).size).toBe(duties.length);
    // Asked whether to report to the government: the reporting duty comes with its deadline.
    const report = await ask("網店會員資料被駭客偷走了，要通知會員嗎？要報給政府嗎？現在要做哪些事？");
    const reportDuties = report.lead.split("\n").filter((line) => /^\d\. /.test(line));
    expect(reportDuties.some((line) => line.includes("七十二小時") && line.includes("數位發展部"))).toBe(true);
  });

  it("says which threshold a rule depends on when the asker did not give it", async () => {
    const answer = await ask("安全維護計畫訂好之後，多久要檢討改善一次？");
    expect(answer.lead).toContain("每十二個月");
    expect(answer.lead).toContain("這項規定只適用於「業者之資本額為新臺幣一千萬元以上或保有個人資料筆數達五千筆以上者」");
    // Given the size, nothing is missing.
    const sized = await ask("我們資本額兩千萬，安全維護計畫訂好之後，多久要檢討改善一次？");
    expect(sized.lead).not.toContain("這項規定只適用於");
  });

  it("never states a number in the lead that its clauses do not hold", async () => {
    const questions = [
      "違反個資法被罰，罰鍰最高多少？",
      "網購的商品幾天內可以退貨？",
      "安全維護計畫的紀錄要保存多久？",
      "What is the fine range for collecting personal data without a legal basis?",
      "委外要怎麼監督？",
    ];
    for (const q of questions) {
      const answer = await ask(q);
      const clauses = answer.citations.map((c) => ({ text: c.articleText, ...(c.authority ? { authority: c.authority } : {}) }));
      expect(unsupportedFacts(answer.lead, clauses), q).toEqual([]);
    }
  });

  it("leads 委外 with the Enforcement Rules, not the Cyber Security Management Act", async () => {
    const answer = await ask("委外要怎麼監督？");
    expect(answer.citations[0]?.pcode).toBe("I0050022");
    expect(answer.lead.split("\n")[0]).toContain("《個人資料保護法施行細則》第8條");
    // The duty first, then "前項監督至少應包含…", which reads only after the 前項 it refers to.
    const logistics = await ask("委外物流要怎麼監督？");
    const [first, second] = logistics.lead.split("\n");
    expect(first).toMatch(/^委託他人蒐集、處理或利用個人資料時.*第8條第1項/);
    expect(second).toMatch(/^前項監督至少應包含下列事項.*第8條第2項/);
  });

  it("never maps a foreign law's article onto ours, and marks our corresponding clauses", async () => {
    const only = await ask("What does GDPR Article 17 say?");
    expect(only.abstained).toBe(true);
    expect(only.lead).toContain("GDPR");
    expect(only.citations).toEqual([]);
    const duty = await ask("GDPR Article 33 規定要多久通報，我們要照做嗎？");
    expect(duty.citations.map((c) => c.articleId)).not.toContain("I0050021:33");
    expect(duty.lead).toContain("並非「GDPR」本身");
    const of = await ask("What does Article 17 of the GDPR require?");
    expect(of.citations.map((c) => c.articleId)).not.toContain("I0050021:17");
  });

  it("resolves every reference form the README lists to the right regulation", async () => {
    const cases: Array<[string, string]> = [
      ["個資法第27條", "I0050021:27"],
      ["施行細則第8條第1項", "I0050022:8:1"],
      ["PDPA Article 27", "I0050021:27"],
      ["Art. 8(2) of the Enforcement Rules", "I0050022:8:2"],
      ["Enforcement Rules Article 8", "I0050022:8"],
      ["《網際網路零售業及網際網路零售服務平台業個人資料檔案安全維護計畫及業務終止後個人資料處理作業辦法》第9條第1項第12款", "J0080052:9:1:12"],
    ];
    for (const [question, id] of cases) expect((await ask(question)).citations[0]?.id, question).toBe(id);
    // A follow-up with no article under discussion cannot be placed: the bot says so.
    expect((await ask("那第2項呢？")).reason).toBe("unknown_reference");
  });

  it("says it did not catch a question for input that holds none, in the reader's language", async () => {
    for (const input of ["\u0000\u0000", "\uFFFD\uFFFD\uFFFD", "7", "嗯", "？？"]) {
      const answer = await ask(input);
      expect(answer, JSON.stringify(input)).toMatchObject({ abstained: true, reason: "no_question", citations: [] });
      expect(answer.lead).toContain("我沒有看到問題");
    }
    for (const input of ["x", "asdkjh qwe zxcv"]) {
      const answer = await ask(input);
      expect(answer.reason, input).toBe("no_question");
      expect(answer.lead).toContain("I did not catch a question");
      expect(answer.suggestions.join(" ")).toContain("PDPA Article 27");
    }
    expect((await ask("data breach notification deadline")).abstained).toBe(false);
  });

  it("lists every regulation it holds when it cannot answer", async () => {
    const answer = await ask("公司尾牙抽獎的獎金要怎麼報稅？");
    expect(answer.abstained).toBe(true);
    const held = answer.suggestions.join("\n");
    for (const name of ["《個人資料保護法》", "《消費者保護法施行細則》", "《資通安全管理法》", "《綜合商品零售業個人資料檔案安全維護管理辦法》"]) {
      expect(held).toContain(name);
    }
    expect(held).toMatch(/網際網路零售業.*（已廢止）/);
  });

  it("answers 'which regulations do you hold' with every regulation loaded", async () => {
    const zh = await ask("你收錄哪些法規？");
    expect(zh.reason).toBe("capabilities");
    const names = new Set(runtime.index.kb.regulations().map((r) => r.nameZh));
    expect(names.size).toBe(8);
    for (const name of names) expect(zh.lead).toContain(`《${name}》`);
    const en = await ask("Which regulations do you cover?");
    expect(en.lead).toContain("Personal Data Protection Act");
    expect(en.lead).toContain("Cyber Security Management Act");
  });
});
