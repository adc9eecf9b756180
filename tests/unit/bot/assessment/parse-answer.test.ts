import { describe, expect, it } from "vitest";
import { parseAnswer } from "../../../../bot/assessment/parse-answer.js";

const answer = (result: string, note?: string) => ({ kind: "answer", result, ...(note ? { note } : {}) });

/** Each case: the text, the result it reads as, and the note (the text itself when `note` is true). */
function readsAs(title: string, cases: Array<[string, string, (string | true)?]>): void {
  it.each(cases)(title, (text, result, note) => {
    expect(parseAnswer(text)).toEqual(answer(result, note === true ? text : note));
  });
}

function asksAgain(title: string, cases: string[]): void {
  it.each(cases)(title, (text) => {
    expect(parseAnswer(text)).toEqual({ kind: "ambiguous" });
  });
}

describe("parseAnswer", () => {
  describe("the answer word first", () => {
    readsAs("%s", [
      ["是", "yes", undefined],
      ["有", "yes", undefined],
      ["已建立", "yes", undefined],
      ["沒錯", "yes", undefined],
      ["已建立委外監督程序並每年稽核", "yes", "已建立委外監督程序並每年稽核"],
      ["是，已於 2024/3 公告", "yes", "已於 2024/3 公告"],
      ["是的，已完成", "yes", "已完成"],
      ["有喔，放在共用雲端", "yes", "放在共用雲端"],
      ["沒有耶", "no", undefined],
      ["是，已公告（見內網 HR 區）", "yes", "已公告（見內網 HR 區）"],
      ["yes", "yes", undefined],
      ["Yes - policy v2 published on the intranet", "yes", "policy v2 published on the intranet"],
      ["Absolutely, it's in the staff handbook", "yes", "it's in the staff handbook"],
      ["否", "no", undefined],
      ["尚無", "no", undefined],
      ["還沒", "no", undefined],
      ["沒有", "no", undefined],
      ["尚未訂定", "no", undefined],
      ["尚未訂定，預計下季完成", "no", "尚未訂定，預計下季完成"],
      ["no", "no", undefined],
      ["Nope", "no", undefined],
      ["not yet, planned for Q3", "no", "planned for Q3"],
      ["沒有，但已規劃明年導入", "no", "但已規劃明年導入"],
      ["不適用", "na", undefined],
      ["不適用，我們沒有委外", "na", "我們沒有委外"],
      ["不適用（我們沒有會員系統）", "na", "我們沒有會員系統"],
      ["n/a", "na", undefined],
      ["N.A.", "na", undefined],
      ["N/A - no outsourcing", "na", "no outsourcing"],
      ["Not applicable to us, we have no physical stores", "na", "we have no physical stores"],
    ]);
  });

  describe("the answer later in the sentence", () => {
    readsAs("%s", [
      ["我們有訂定個資保護政策", "yes", true],
      ["公司已經跟所有物流廠商簽了保密條款", "yes", true],
      ["目前都有做每日備份", "yes", true],
      ["We already have an access control policy", "yes", true],
      ["這個我們去年就做了", "yes", true],
      ["目前還在跟法務討論契約內容", "no", true],
      ["still working on it", "no", true],
      // 不適用 after its reason: the reason is the note.
      ["我們沒有委外，所以不適用", "na", "我們沒有委外"],
      ["沒有實體店面，不適用", "na", "沒有實體店面"],
      ["本公司沒有蒐集信用卡資料，此題不適用", "na", "本公司沒有蒐集信用卡資料"],
      ["We don't outsource anything, so N/A", "na", "We don't outsource anything"],
      ["we have no vendors so this does not apply", "na", "we have no vendors so this does not apply"],
      ["我們目前沒有這份文件", "no", true],
      ["這部分還沒做", "no", true],
      ["廠商契約裡面尚未加入個資條款", "no", true],
      ["目前無法做到", "no", true],
      ["We don't have a written procedure yet", "no", true],
      ["Unfortunately not, it is on the roadmap", "no", true],
      ["Our vendors have not signed the addendum", "no", true],
    ]);
  });

  describe("emoji", () => {
    readsAs("%s", [
      ["✅", "yes"],
      ["✔️", "yes"],
      ["✔", "yes"],
      ["👍", "yes"],
      ["👍🏻", "yes"],
      ["⭕", "yes"],
      ["❌", "no"],
      ["✖️", "no"],
      ["👎", "no"],
      ["➖", "na"],
      ["🚫", "na"],
      ["✅ 已於內網公告", "yes", "已於內網公告"],
      ["政策已經公告在官網了 👍", "yes", "政策已經公告在官網了"],
      ["❌ 還在找廠商", "no", "還在找廠商"],
      ["🚫 沒有這項業務", "na", "沒有這項業務"],
    ]);
  });

  describe("asks again", () => {
    asksAgain("when it hedges: %s", [
      "部分有",
      "不確定",
      "不太確定",
      "大概有吧",
      "好像有吧",
      "我們應該沒有",
      "差不多",
      "maybe",
      "partially",
      "I think so",
      "not sure, need to ask IT",
      "有嗎？",
    ]);

    asksAgain("when it says two things: %s", [
      "是也不是",
      "有也沒有",
      "yes and no",
      "yes/no",
      "✅❌",
      "👍👎",
      "有，但還沒有全部廠商都簽",
      "Yes, but not for all vendors",
      "我們有制度但還沒執行",
      "有做但不完整",
      "是，不適用",
    ]);
  });

  it.each(["", "這題的委外是指什麼", "hello there", "稍等一下我問同事", "請問要上傳哪些文件"])("is no answer: %s", (text) => {
    expect(parseAnswer(text)).toEqual({ kind: "none" });
  });
});
