import { describe, expect, it } from "vitest";
import { parseAnswer } from "../../../bot/assessment/parse-answer.js";

describe("parseAnswer", () => {
  it.each([
    ["是", "yes", undefined],
    ["有", "yes", undefined],
    ["已建立", "yes", undefined],
    ["已建立委外監督程序並每年稽核", "yes", "已建立委外監督程序並每年稽核"],
    ["是，已於 2024/3 公告", "yes", "已於 2024/3 公告"],
    ["yes", "yes", undefined],
    ["Yes - policy v2 published on the intranet", "yes", "policy v2 published on the intranet"],
    ["否", "no", undefined],
    ["還沒", "no", undefined],
    ["沒有", "no", undefined],
    ["尚未訂定", "no", undefined],
    ["尚未訂定，預計下季完成", "no", "尚未訂定，預計下季完成"],
    ["no", "no", undefined],
    ["not yet, planned for Q3", "no", "planned for Q3"],
    ["不適用", "na", undefined],
    ["不適用，我們沒有委外", "na", "我們沒有委外"],
    ["n/a", "na", undefined],
    ["N/A - no outsourcing", "na", "no outsourcing"],
  ])("%s", (text, result, note) => {
    expect(parseAnswer(text)).toEqual({ kind: "answer", result, ...(note ? { note } : {}) });
  });

  it.each(["部分有", "不確定", "大概有吧", "maybe", "partially", "有嗎？"])("asks again when it hedges: %s", (text) => {
    expect(parseAnswer(text)).toEqual({ kind: "ambiguous" });
  });

  it.each(["", "這題的委外是指什麼", "hello there"])("is no answer: %s", (text) => {
    expect(parseAnswer(text)).toEqual({ kind: "none" });
  });
});
