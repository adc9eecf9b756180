import { describe, expect, it } from "vitest";
import { nonLegalKind } from "../../../../../knowledge/search/query/non-legal.js";

describe("questions no clause answers", () => {
  it("finds business choices and market figures", () => {
    expect(nonLegalKind("物流要找黑貓還是新竹貨運比較便宜？")).toBe("business");
    expect(nonLegalKind("哪一家雲端主機最划算？")).toBe("business");
    expect(nonLegalKind("商品頁怎麼寫轉換率比較高？")).toBe("business");
    expect(nonLegalKind("Which email tool is cheaper for newsletters?")).toBe("business");
  });

  it("finds questions about what a rule or fee will become", () => {
    expect(nonLegalKind("明年平台抽成會調漲多少？")).toBe("future");
    expect(nonLegalKind("之後個資法的罰鍰會不會再提高？")).toBe("future");
    expect(nonLegalKind("Will the PDPA fines increase next year?")).toBe("future");
  });

  it("leaves legal questions alone, also when they compare options", () => {
    expect(nonLegalKind("用簡訊還是 email 通知當事人，哪個比較符合規定？")).toBeUndefined();
    expect(nonLegalKind("委外物流要怎麼監督？")).toBeUndefined();
    expect(nonLegalKind("客人退貨後，會員資料要保存多久？")).toBeUndefined();
    expect(nonLegalKind("Which is better under the law, consent by checkbox or by signature?")).toBeUndefined();
    expect(nonLegalKind("個資法修正後什麼時候施行？")).toBeUndefined();
  });
});
