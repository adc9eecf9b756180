import { describe, expect, it } from "vitest";
import { findForeignLaws, findSchemeNotHeld } from "../../../../../knowledge/search/query/foreign-laws.js";

const names = (text: string, known: Array<{ start: number; end: number }> = []) => findForeignLaws(text, known).map((f) => f.name);

describe("foreign laws named in a question", () => {
  it("finds well-known acronyms, article references to unknown acronyms and laws named after a country", () => {
    expect(names("Under the CCPA, do we need an opt-out link?")).toEqual(["CCPA"]);
    expect(names("What does LGPD Article 18 require?")).toEqual(["LGPD"]);
    expect(names("我們在德國開店，德國包裝法要怎麼註冊？")).toEqual(["德國包裝法"]);
    expect(names("歐盟的人工智慧法對我們有影響嗎？")).toEqual(["歐盟的人工智慧法"]);
  });

  it("does not read our own law, or a country named in passing, as a foreign law", () => {
    const text = "美國的客人資料也適用個資法嗎？";
    const ours = { start: text.indexOf("個資法"), end: text.indexOf("個資法") + 3 };
    expect(names(text, [ours])).toEqual([]);
    expect(names("日本商品在台灣賣要依什麼法？")).toEqual([]);
    expect(names("我們從日本批正品回來賣，代理商說我們侵權")).toEqual([]);
  });
});

describe("schemes the database does not hold", () => {
  it("finds another jurisdiction's certification, registration or tax, and certification to a private standard", () => {
    expect(findSchemeNotHeld("外銷到日本的延長線需要 PSE 認證嗎？")).toBe("PSE 認證");
    expect(findSchemeNotHeld("賣到歐洲的藍牙喇叭要貼 CE 標誌嗎？")).toBe("CE 標誌");
    expect(findSchemeNotHeld("Do we have to charge Japanese consumption tax on parcels to Osaka?")).toBe("Japanese consumption tax");
    expect(findSchemeNotHeld("澳洲的消費稅要怎麼申報？")).toBe("澳洲的消費稅");
    expect(findSchemeNotHeld("我們想申請 ISO 14001 驗證，要準備什麼？")).toBe("ISO 14001");
  });

  it("leaves Taiwan's own schemes and questions that only mention a country alone", () => {
    expect(findSchemeNotHeld("從韓國進口的面膜要做商品檢驗嗎？")).toBeUndefined();
    expect(findSchemeNotHeld("客人在日本下單，七天鑑賞期也適用嗎？")).toBeUndefined();
    expect(findSchemeNotHeld("我們有 ISO 27001，個資安全維護計畫還要另外寫嗎？")).toBeUndefined();
  });
});
