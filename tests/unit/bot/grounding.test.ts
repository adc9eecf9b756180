import { describe, expect, it } from "vitest";
import { issuingAuthority } from "../../../bot/answer/authorities.js";
import { extractFacts, unsupportedFacts } from "../../../bot/answer/grounding.js";
import { parseEnglishNumeral, parseNumeral } from "../../../bot/answer/numerals.js";

const INCIDENT =
  "業者遇有個人資料安全事故，將危及其正常營運或大量當事人權益者，應於知悉事故後七十二小時內依附表二格式通報本部，或通報直轄市、縣（市）政府時副知本部。";
const ACCESS = "公務機關或非公務機關應於請求之日起十五日內，為准駁之決定；必要時，得予延長，延長之期間不得逾十五日，並應將其原因以書面通知請求人。";
const FINE = "非公務機關有前條所定情事者，由中央目的事業主管機關或直轄市、縣（市）政府處新臺幣五萬元以上五十萬元以下罰鍰。";
const EN_RETURN =
  "The consumer may rescind the contract within seven days after receipt of the goods, and the dealer shall pay a fine of no less than NT$20,000 but no more than NT$200,000.";

describe("numerals", () => {
  it("reads Chinese, Arabic, full-width, mixed and English numerals", () => {
    expect(parseNumeral("七十二")).toBe(72);
    expect(parseNumeral("一百十二")).toBe(112);
    expect(parseNumeral("十五")).toBe(15);
    expect(parseNumeral("一千零五十")).toBe(1050);
    expect(parseNumeral("二十萬")).toBe(200_000);
    expect(parseNumeral("兩")).toBe(2);
    expect(parseNumeral("50,000")).toBe(50_000);
    expect(parseNumeral("７２")).toBe(72);
    expect(parseNumeral("5萬")).toBe(50_000);
    expect(parseNumeral("一億二千萬")).toBe(120_000_000);
    expect(parseNumeral("甲")).toBeUndefined();
    expect(parseEnglishNumeral("seventy-two")).toBe(72);
    expect(parseEnglishNumeral("one hundred and twenty")).toBe(120);
    expect(parseEnglishNumeral("1 million")).toBe(1_000_000);
    expect(parseEnglishNumeral("20,000")).toBe(20_000);
  });
});

describe("extractFacts", () => {
  it("normalises durations, amounts, dates and authorities and skips clause references", () => {
    const keys = extractFacts(
      "依《數位經濟相關產業個人資料檔案安全維護管理辦法》第8條第2項，應於七十二小時內通報數位發展部，罰新臺幣五萬元，自中華民國一百十二年十月十二日施行。",
    ).map((f) => f.key);
    expect(keys).toEqual(["authority:數位發展部", "date:2023-10-12", "amount:50000元", "duration:72小時"]);
  });

  it("reads English durations, amounts and dates the same way", () => {
    const keys = extractFacts("Within 72 hours or thirty (30) days, a fine of NT$1 million, from October 12, 2023 (Art. 8(2)).").map((f) => f.key);
    expect(keys).toEqual(["date:2023-10-12", "amount:1000000元", "duration:72小時", "duration:30日"]);
  });

  it("does not read list numbers, 附表 numbers or item markers as facts", () => {
    expect(extractFacts("1. 通報（第8條第2項）\n2. 依附表二格式\n（一）前三款之情形")).toEqual([]);
  });
});

describe("unsupportedFacts", () => {
  it("accepts a sentence whose facts are all in the clauses, in any numeral form", () => {
    expect(unsupportedFacts("要在知悉事故後72小時內通報直轄市、縣（市）政府", [{ text: INCIDENT }])).toEqual([]);
    expect(unsupportedFacts("須於15日內決定，必要時得延長十五日", [{ text: ACCESS }])).toEqual([]);
    expect(unsupportedFacts("罰鍰為新臺幣50,000元以上500,000元以下", [{ text: FINE }])).toEqual([]);
    expect(unsupportedFacts("within 7 days; a fine from NT$20,000 to NT$200,000", [{ text: EN_RETURN }])).toEqual([]);
  });

  it("names the deadline, amount or authority that no clause carries", () => {
    expect(unsupportedFacts("應於三十日內決定", [{ text: ACCESS }])).toEqual(["三十日"]);
    expect(unsupportedFacts("應於48 hours內通報", [{ text: INCIDENT }])).toEqual(["48 hours"]);
    expect(unsupportedFacts("最高罰新臺幣一百萬元", [{ text: FINE }])).toEqual(["新臺幣一百萬元"]);
    expect(unsupportedFacts("應通報個人資料保護委員會", [{ text: INCIDENT, authority: "數位發展部" }])).toEqual(["個人資料保護委員會"]);
    expect(unsupportedFacts("Notify the Ministry of Digital Affairs within 72 hours", [{ text: EN_RETURN }])).toEqual([
      "Ministry of Digital Affairs",
      "72 hours",
    ]);
  });

  it("reads a clause's 本部 as the ministry that issued the regulation", () => {
    const clause = { text: INCIDENT, authority: issuingAuthority("行政＞數位發展部＞數位產業目") };
    expect(unsupportedFacts("七十二小時內通報數位發展部", [clause])).toEqual([]);
    expect(unsupportedFacts("七十二小時內通報數位發展部", [{ text: INCIDENT }])).toEqual(["數位發展部"]);
    expect(issuingAuthority("行政＞院本部＞消費者保護目")).toBe("行政院");
    expect(issuingAuthority(undefined)).toBeUndefined();
  });

  it("treats a date in any calendar as the same date", () => {
    const clause = { text: "本辦法自中華民國一百十二年十月十二日施行。" };
    expect(unsupportedFacts("自2023年10月12日施行", [clause])).toEqual([]);
    expect(unsupportedFacts("自2023-10-13施行", [clause])).toEqual(["2023-10-13"]);
  });
});
