import { describe, expect, it } from "vitest";
import { articleReferences, carriesWithReferences, clauseCarries, fitOf, questionNeeds } from "../../../../knowledge/index.js";

describe("questionNeeds", () => {
  it("reads the kind of answer a question asks for, in Chinese and English", () => {
    expect(questionNeeds("業者應在幾天內決定？").kinds).toContain("deadline");
    expect(questionNeeds("How long do we have to report it?").kinds).toContain("deadline");
    expect(questionNeeds("回覆客訴有沒有時間限制？從哪天開始算？").kinds).toContain("deadline");
    expect(questionNeeds("罰鍰範圍是多少？").kinds).toContain("amount");
    expect(questionNeeds("What is the maximum fine?").kinds).toContain("amount");
    expect(questionNeeds("要通報哪個機關？").kinds).toContain("authority");
    expect(questionNeeds("有哪些例外情況可以不用告知？").kinds).toContain("exception");
    expect(questionNeeds("這種資料算不算個人資料？").kinds).toContain("definition");
    expect(questionNeeds("通知裡面要寫哪些內容？").kinds).toContain("contents");
    expect(questionNeeds("我們被駭了，現在要做什麼？").kinds).toContain("duties");
  });

  it("reads a defined term in quotes, a ministry asked for and a threshold, but not 計算 or 算數", () => {
    expect(questionNeeds("只在 LINE 接單，這樣算「通訊交易」嗎？").kinds).toContain("definition");
    expect(questionNeeds("這種會員編號也算個人資料嗎？").kinds).toContain("definition");
    expect(questionNeeds("加班費要怎麼算？").kinds).not.toContain("definition");
    expect(questionNeeds("用 email 告知這樣算數嗎？").kinds).not.toContain("definition");
    expect(questionNeeds("這類業者的主管機關在中央是哪個部會？").kinds).toContain("authority");
    expect(questionNeeds("進口包裹完稅價格多少以下免稅？").kinds).toContain("amount");
  });

  it("does not read an amount into whether, nor a deadline into a duration the asker states", () => {
    expect(questionNeeds("負責人會不會也一起被罰？").kinds).not.toContain("amount");
    expect(questionNeeds("主機好幾年沒更新，法規有要求嗎？").kinds).not.toContain("deadline");
  });

  it("tells access, copy, correction and deletion requests apart", () => {
    expect(questionNeeds("顧客要求查看並複印他的資料").actions).toEqual(["access", "copy"]);
    expect(questionNeeds("顧客要求更正地址").actions).toEqual(["correct"]);
    expect(questionNeeds("Can a customer make us delete their data?").actions).toEqual(["delete"]);
    expect(questionNeeds("Do backup copies of our database count?").actions).toEqual([]);
  });
});

describe("clause kinds and fit", () => {
  const access = "公務機關或非公務機關受理當事人依第十條規定之請求，應於十五日內，為准駁之決定。";
  const correction = "公務機關或非公務機關受理當事人依第十一條規定之請求，應於三十日內，為准駁之決定。";
  const articles: Record<string, string> = {
    "10": "公務機關或非公務機關應依當事人之請求，就其蒐集之個人資料，答覆查詢、提供閱覽或製給複製本。",
    "11": "公務機關或非公務機關應維護個人資料之正確，並應主動或依當事人之請求更正或補充之。",
  };

  it("tags durations, amounts, authorities, exceptions and lists", () => {
    expect(clauseCarries("應於知悉事故後七十二小時內通報本部").kinds).toEqual(expect.arrayContaining(["deadline", "authority"]));
    expect(clauseCarries("處新臺幣五萬元以上五十萬元以下罰鍰").kinds).toContain("amount");
    expect(clauseCarries("但有下列情形之一者，不在此限：").kinds).toEqual(expect.arrayContaining(["exception", "contents"]));
  });

  it("completes a clause's actions from the article it refers to", () => {
    expect(articleReferences("依第十條規定及第十九條之二")).toEqual(["10", "19-2"]);
    expect(carriesWithReferences(access, (a) => articles[a]).actions).toEqual(expect.arrayContaining(["access", "copy"]));
    expect(carriesWithReferences(correction, (a) => articles[a]).actions).toEqual(expect.arrayContaining(["correct"]));
  });

  it("prefers the paragraph of the asked action and penalises the other one", () => {
    const needs = questionNeeds("顧客要求查看他的資料，幾天內要決定？");
    const forAccess = fitOf(
      needs,
      carriesWithReferences(access, (a) => articles[a]),
    );
    const forCorrection = fitOf(
      needs,
      carriesWithReferences(correction, (a) => articles[a]),
    );
    expect(forAccess).toBeGreaterThan(2);
    expect(forCorrection).toBeLessThan(forAccess / 2);
    expect(fitOf({ kinds: [], actions: [] }, clauseCarries(access))).toBe(1);
  });
});
