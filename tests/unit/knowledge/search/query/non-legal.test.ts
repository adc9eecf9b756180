import { describe, expect, it } from "vitest";
import { nonLegalKind } from "../../../../../knowledge/search/query/non-legal.js";

describe("questions no clause answers", () => {
  it("finds business choices and market figures", () => {
    expect(nonLegalKind("物流要找黑貓還是新竹貨運比較便宜？")).toBe("business");
    expect(nonLegalKind("哪一家雲端主機最划算？")).toBe("business");
    expect(nonLegalKind("商品頁怎麼寫轉換率比較高？")).toBe("business");
    expect(nonLegalKind("Which email tool is cheaper for newsletters?")).toBe("business");
    expect(nonLegalKind("週年慶要怎麼排檔期，營收才會衝高？")).toBe("business");
    expect(nonLegalKind("客服外包要選哪家廠商？")).toBe("business");
    expect(nonLegalKind("What ad channel gives the best ROI for a small shop?")).toBe("business");
    expect(nonLegalKind("你覺得今年冬天什麼商品會賣得好？")).toBe("business");
    expect(nonLegalKind("幫我想三個適合茶飲品牌的名字")).toBe("business");
    expect(nonLegalKind("Is it worth paying for a featured listing on the marketplace?")).toBe("business");
  });

  it("finds questions about what a rule or fee will become", () => {
    expect(nonLegalKind("明年平台抽成會調漲多少？")).toBe("future");
    expect(nonLegalKind("之後個資法的罰鍰會不會再提高？")).toBe("future");
    expect(nonLegalKind("Will the PDPA fines increase next year?")).toBe("future");
    expect(nonLegalKind("明年的勞保費率會調到多少？")).toBe("future");
    expect(nonLegalKind("明年主管機關會不會調高罰鍰？")).toBe("future");
    expect(nonLegalKind("Will the platform change its refund rules again next year?")).toBe("future");
  });

  it("finds a company's own rules, fees and reviews", () => {
    expect(nonLegalKind("露天賣家延遲出貨會被扣分嗎？扣到幾分會停權？")).toBe("private");
    expect(nonLegalKind("Pinkoi 的成交抽成是幾趴？")).toBe("private");
    expect(nonLegalKind("蝦皮賣家延遲出貨會被扣幾點？")).toBe("private");
    expect(nonLegalKind("Mastercard 規定的爭議款回覆期限是幾天？")).toBe("private");
    expect(nonLegalKind("Does Google's shopping ads policy allow us to show discount badges?")).toBe("private");
  });

  it("finds how-to questions about configuring a system", () => {
    expect(nonLegalKind("官網的 SSL 憑證要怎麼安裝？")).toBe("technical");
    expect(nonLegalKind("How do we set up a webhook so orders sync to our ERP?")).toBe("technical");
    // The law's side of the same system is a legal question.
    expect(nonLegalKind("How do we set up cookie consent so it is lawful under the PDPA?")).toBeUndefined();
  });

  it("leaves legal questions that mention a company alone", () => {
    expect(nonLegalKind("If the Instagram influencer we pay posts a misleading review, are we liable too?")).toBeUndefined();
    expect(nonLegalKind("客人在露天下單後想退貨，也有七天猶豫期嗎？")).toBeUndefined();
    expect(nonLegalKind("Mastercard 刷卡的客人要求退款，我們一定要退嗎？")).toBeUndefined();
    expect(nonLegalKind("蝦皮規定賣家要上傳身分證，這樣合法嗎？")).toBeUndefined();
    expect(nonLegalKind("用 Google 表單收集報名資料，要告知什麼？")).toBeUndefined();
    expect(nonLegalKind("Our online store uses LINE login; what must the privacy notice say?")).toBeUndefined();
    expect(nonLegalKind("在 online 商店的規定頁面要寫退貨條件嗎？")).toBeUndefined();
  });

  it("leaves legal questions alone, also when they compare options", () => {
    expect(nonLegalKind("用簡訊還是 email 通知當事人，哪個比較符合規定？")).toBeUndefined();
    expect(nonLegalKind("委外物流要怎麼監督？")).toBeUndefined();
    expect(nonLegalKind("客人退貨後，會員資料要保存多久？")).toBeUndefined();
    expect(nonLegalKind("Which is better under the law, consent by checkbox or by signature?")).toBeUndefined();
    expect(nonLegalKind("個資法修正後什麼時候施行？")).toBeUndefined();
    expect(nonLegalKind("業績不好要資遣員工，要提前多久通知？")).toBeUndefined();
    expect(nonLegalKind("業績獎金要不要計入工資？")).toBeUndefined();
    expect(nonLegalKind("為了衝業績，可以把會員名單分享給合作的品牌做聯名活動嗎？")).toBeUndefined();
    expect(nonLegalKind("營收多少以上就要開統一發票？")).toBeUndefined();
  });
});
