import { describe, expect, it } from "vitest";
import { itemOf, partsOf, say } from "../../../support/engine.js";
import { clause, createFakeEngine, createFakeKnowledge, useFakeEngine } from "../../../support/fakes/index.js";

describe("the engine over fake retrieval and knowledge (no corpus)", () => {
  const fake = useFakeEngine();

  it("answers with the clauses the retriever found, quoted from the knowledge source, and logs the question", async () => {
    const reply = await say(fake().engine, "alice", "個資法第27條第1項是什麼？");
    const [part] = partsOf(reply, "answer");
    expect(part?.answer.abstained).toBe(false);
    expect(part?.answer.citations.map((c) => [c.id, c.label, c.status])).toEqual([["I0050021:27:1", "《個人資料保護法》第27條第1項", "in_force"]]);
    expect(part?.answer.citations[0]?.quote).toBe(fake().knowledge.clause("I0050021:27:1", "zh")?.text);
    expect(part?.answer.citations[0]?.note).toContain("白話");
    const question = await fake().store.question(part?.questionId ?? "");
    expect(question).toMatchObject({ abstained: false, citationIds: ["I0050021:27:1"], lang: "zh" });
    expect(fake().retriever.queries.at(-1)).toMatchObject({ lang: "zh" });
  });

  it("answers an English question in English from the English text", async () => {
    const reply = await say(fake().engine, "alice", "What does PDPA Article 27 require?");
    expect(reply.lang).toBe("en");
    const citation = partsOf(reply, "answer")[0]?.answer.citations[0];
    expect(citation).toMatchObject({ id: "I0050021:27", law: "Personal Data Protection Act", textLang: "en" });
  });

  it("warns that a rule is repealed and names its successor, which is cited too", async () => {
    const reply = await say(fake().engine, "alice", "舊辦法的委外規定");
    const answer = partsOf(reply, "answer")[0]?.answer;
    const repealed = answer?.citations.find((c) => c.id === "J0080052:9:1:12");
    expect(repealed?.status).toBe("repealed");
    expect(repealed?.successor).toMatchObject({ ids: ["K0010162:19:2"], repealedOn: "2023-11-21" });
    expect(repealed?.successor?.labels[0]).toBe("《數位經濟相關產業個人資料檔案安全維護管理辦法》第19條第2項");
    expect(answer?.citations.map((c) => c.source)).toEqual(["search", "successor"]);
    expect(answer?.warnings.join("\n")).toMatch(/廢止/);
  });

  it("abstains without citations on a law it does not hold, and on nothing found", async () => {
    const unknown = partsOf(await say(fake().engine, "alice", "勞基法的加班費怎麼算"), "answer")[0]?.answer;
    expect(unknown).toMatchObject({ abstained: true, reason: "out_of_scope", citations: [] });
    expect(unknown?.text).toContain("勞動基準法");
    const nothing = partsOf(await say(fake().engine, "alice", "今天天氣如何"), "answer")[0];
    expect(nothing?.answer).toMatchObject({ abstained: true, reason: "no_match", citations: [] });
    expect((await fake().store.question(nothing?.questionId ?? ""))?.abstained).toBe(true);
  });

  it("walks an assessment: start, 是/否/不適用 in words, why, skip, report", async () => {
    const start = await say(fake().engine, "bob", "開始自評");
    const first = itemOf(start);
    expect(first).toMatchObject({ itemId: "MN-01", position: 1, total: 3, answered: 0 });
    const code = first.assessmentId;

    const why = partsOf(await say(fake().engine, "bob", "為什麼"), "why")[0]?.why;
    expect(why?.citations.map((c) => c.id)).toEqual(["I0050021:27:1"]);
    expect(why?.cases.map((c) => c.id)).toEqual(["vendor-check"]);

    const yes = await say(fake().engine, "bob", "有，已於 2024/3 公告");
    expect(partsOf(yes, "recorded")[0]?.recorded).toMatchObject({ itemId: "MN-01", result: "yes", note: "已於 2024/3 公告" });
    expect(itemOf(yes).itemId).toBe("MN-02");

    const skipped = await say(fake().engine, "bob", "跳過");
    expect(itemOf(skipped).itemId).toBe("MN-03");

    const no = await say(fake().engine, "bob", "還沒有");
    expect(partsOf(no, "recorded")[0]?.recorded).toMatchObject({ itemId: "MN-03", result: "no", remediation: "請建立訂定安全維護計畫程序。" });
    expect(itemOf(no).itemId).toBe("MN-02");

    const na = await say(fake().engine, "bob", "不適用，我們沒有委外");
    expect(partsOf(na, "recorded")[0]?.recorded).toMatchObject({ itemId: "MN-02", result: "na", note: "我們沒有委外" });
    expect(partsOf(na, "status")[0]?.status).toMatchObject({ status: "completed", answered: 3, counts: { yes: 1, no: 1, na: 1 } });

    expect(partsOf(await say(fake().engine, "bob", "報告"), "report")[0]).toMatchObject({ assessmentId: code });
    const report = await fake().engine.report(code, "zh", { channel: "cli", userId: "bob" });
    expect(report?.rows.map((r) => [r.itemId, r.result])).toEqual([
      ["MN-01", "yes"],
      ["MN-02", "na"],
      ["MN-03", "no"],
    ]);
    expect(await fake().engine.report(code, "zh", { channel: "cli", userId: "mallory" })).toBeUndefined();
    const events = (await fake().store.events(code)).map((e) => `${e.type}${e.itemId ? `:${e.itemId}` : ""}`);
    expect(events).toEqual(["created", "answered:MN-01", "skipped:MN-02", "answered:MN-03", "answered:MN-02", "completed"]);
  });

  it("asks again when an answer hedges, and answers a question mid-way without leaving the item", async () => {
    const first = itemOf(await say(fake().engine, "carol", "開始自評"));
    const hedge = await say(fake().engine, "carol", "部分有");
    expect(partsOf(hedge, "notice")[0]?.tone).toBe("warning");
    expect(itemOf(hedge).itemId).toBe(first.itemId);
    const question = await say(fake().engine, "carol", "委外廠商要怎麼監督？");
    expect(partsOf(question, "answer")[0]?.answer.citations[0]?.id).toBe("K0010162:19:2");
    // The item's clauses are the context of a question asked in an assessment.
    expect(fake().retriever.queries.at(-1)?.context).toEqual(["I0050021:27"]);
    expect(partsOf(question, "notice").at(-1)?.text).toContain("第 1/3 題");
  });

  it("answers a retried delivery once", async () => {
    const turn = { channel: "cli" as const, userId: "dave", conversationId: "room", messageId: "same-id", text: "開始自評" };
    const first = await fake().engine.handle(turn);
    const again = await fake().engine.handle(turn);
    // Not yet marked delivered: a channel re-sends it; once marked, a retry sends nothing.
    expect(again).toEqual({ ...first, duplicate: true, delivered: false, recordedAt: expect.any(String) });
    await fake().engine.markDelivered(turn);
    expect(await fake().engine.handle(turn)).toEqual({ ...first, duplicate: true, delivered: true, recordedAt: expect.any(String) });
    expect(await fake().store.assessmentsFor("dave")).toHaveLength(1);
  });
});

describe("the engine over clauses written in the test", () => {
  it("says a cited clause is not yet in force, with the regulation's 生效內容 verbatim", async () => {
    // Verbatim from ../shared/corpus/moj/zh/I0050021.json (法規內容 第 1-1 條, 生效內容).
    const text = "本法之主管機關為個人資料保護委員會。";
    const effectiveNote = "一百十二年五月三十一日增訂之第 1-1  條條文，施行日期，由行政院定\n之。";
    const article = clause("I0050021:1-1", text, { lawZh: "個人資料保護法", status: "not_yet_in_force" });
    const knowledge = createFakeKnowledge({
      clauses: [article],
      regulations: [
        {
          pcode: "I0050021",
          lang: "zh",
          name: "個人資料保護法",
          nameZh: "個人資料保護法",
          nature: "法律",
          status: "in_force",
          asOf: "2023-05-31",
          url: article.url,
          effectiveNote,
          notInForceArticles: ["1-1"],
          file: "zh/I0050021.json",
        },
      ],
    });
    const fake = createFakeEngine({ knowledge, rules: [{ match: /主管機關/, hits: ["I0050021:1-1"] }] });
    try {
      const answer = partsOf(await say(fake.engine, "ken", "個資法的主管機關是誰？"), "answer")[0]?.answer;
      expect(answer?.citations[0]).toMatchObject({ id: "I0050021:1-1", label: "《個人資料保護法》第1-1條", status: "not_yet_in_force", effectiveNote });
      expect(answer?.warnings.join("\n")).toContain("尚未施行");
    } finally {
      await fake.close();
    }
  });
});
