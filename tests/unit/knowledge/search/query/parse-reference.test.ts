import { describe, expect, it } from "vitest";
import { createLawNames } from "../../../../../knowledge/search/query/law-names.js";
import { parseReferences } from "../../../../../knowledge/search/query/parse-reference.js";

const names = createLawNames([
  { pcode: "I0050021", names: ["個人資料保護法", "個資法", "PDPA", "Personal Data Protection Act"] },
  { pcode: "I0050022", names: ["個人資料保護法施行細則", "施行細則", "Enforcement Rules"] },
  { pcode: "J0170001", names: ["消費者保護法", "消保法", "Consumer Protection Act"] },
  { pcode: "J0170002", names: ["消費者保護法施行細則", "消保法施行細則"] },
]);

function refs(text: string) {
  return parseReferences(text, names.find(text)).map((r) => ({ pcode: r.pcode, article: r.article, path: r.path }));
}

describe("parseReferences", () => {
  it.each([
    ["個資法第27條", "I0050021", "27", []],
    ["個資法27條", "I0050021", "27", []],
    ["施行細則第8條", "I0050022", "8", []],
    ["《個人資料保護法》第27條第1項", "I0050021", "27", [1]],
    ["消保法第十九條之二", "J0170001", "19-2", []],
    ["消保法施行細則第17條", "J0170002", "17", []],
    ["PDPA Article 27", "I0050021", "27", []],
    ["Article 27(1) of the PDPA", "I0050021", "27", [1]],
    ["Enforcement Rules Art. 8 paragraph 2", "I0050022", "8", [2]],
  ])("%s", (text, pcode, article, path) => {
    expect(refs(text)).toEqual([{ pcode, article, path }]);
  });

  it("leaves the law open when none is named", () => {
    expect(refs("第9條第1項第12款")).toEqual([{ pcode: undefined, article: "9", path: [1, 12] }]);
    expect(refs("第 1-1 條")).toEqual([{ pcode: undefined, article: "1-1", path: [] }]);
  });

  it("does not read counts as references", () => {
    expect(refs("總共有5條規定")).toEqual([]);
  });
});

describe("law names", () => {
  it("finds the longest name first", () => {
    expect(names.find("消保法施行細則第17條").map((m) => m.pcode)).toEqual(["J0170002"]);
  });

  it("flags laws the corpus does not hold", () => {
    expect(names.unknownLaws("我們的勞基法規定年終獎金嗎")).toEqual(["勞基法"]);
    expect(names.unknownLaws("Does the Labor Standards Act apply?")).toEqual(["Labor Standards Act"]);
    expect(names.unknownLaws("個資法有什麼辦法可以處理")).toEqual([]);
  });
});
