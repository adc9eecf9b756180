import { describe, expect, it } from "vitest";
import { createLawNames } from "../../../../../knowledge/search/query/law-names.js";
import { derivedShortNames } from "../../../../../knowledge/search/query/short-names.js";

describe("short names of regulations", () => {
  it("follows the convention: first characters of the first two words, then 法 or 條例", () => {
    expect(derivedShortNames("勞動基準法")).toEqual(["勞基法"]);
    expect(derivedShortNames("個人資料保護法")).toEqual(["個資法"]);
    expect(derivedShortNames("勞工保險條例")).toEqual(["勞保條例"]);
    expect(derivedShortNames("個人資料保護法施行細則")).toEqual(["個資法施行細則"]);
    expect(derivedShortNames("民法")).toEqual([]);
  });

  const names = createLawNames([
    { pcode: "N0030001", names: ["勞動基準法", "Labor Standards Act"], nameZh: "勞動基準法", status: "in_force", nature: "法律" },
    { pcode: "J0150002", names: ["公平交易法"], nameZh: "公平交易法", status: "in_force", nature: "法律" },
    { pcode: "J0080051", names: ["有限合夥法"], nameZh: "有限合夥法", status: "in_force", nature: "法律" },
    { pcode: "F0070001", names: ["全民國防教育法"], nameZh: "全民國防教育法", status: "in_force", nature: "法律" },
    { pcode: "S0030020", names: ["各機關加班費支給辦法"], nameZh: "各機關加班費支給辦法", status: "in_force", nature: "命令" },
    { pcode: "X0000001", names: ["旅行業管理規則"], nameZh: "旅行業管理規則", status: "in_force", nature: "命令" },
    { pcode: "X0000002", names: ["舊旅行業管理規則"], nameZh: "舊旅行業管理規則", status: "repealed", nature: "命令" },
    { pcode: "Y0000001", names: ["電子支付機構管理條例"], nameZh: "電子支付機構管理條例", status: "repealed", nature: "法律" },
    { pcode: "Y0000002", names: ["電子支付機構管理條例"], nameZh: "電子支付機構管理條例", status: "in_force", nature: "法律" },
  ]);

  it("resolves derived and curated short names in plain text", () => {
    expect(names.find("勞基法規定加班費怎麼算").map((m) => m.pcode)).toEqual(["N0030001"]);
    expect(names.find("公平法對廣告的規定").map((m) => m.pcode)).toEqual(["J0150002"]);
    expect(names.find("「Labor Standards Act」 Article 24")[0]?.pcode).toBe("N0030001");
    expect(names.find("Under Taiwan's labor law, how is overtime paid?").map((m) => m.pcode)).toEqual(["N0030001"]);
    expect(names.find("Is a minimum resale price allowed under competition law?").map((m) => m.pcode)).toEqual(["J0150002"]);
  });

  it("marks a conventionally derived short name, and derives none that ends in an everyday word", () => {
    expect(names.find("勞基法規定加班費怎麼算")[0]?.derived).toBeUndefined(); // curated
    expect(names.find("全國法規資料庫有沒有這條")).toMatchObject([{ pcode: "F0070001", derived: true }]);
    expect(names.find("沒有合法依據就蒐集個資會罰多少")).toEqual([]); // 有限|合夥法 -> 有合法
  });

  it("reads a name ending in 法 the database does not hold as an unknown regulation, but not a clause ending in 依法 or 合法", () => {
    expect(names.unknownLaws("依照旅行業管理辦法，旅客資料要保存多久？")).toEqual(["旅行業管理辦法"]);
    expect(names.unknownLaws("他的訂單跟發票資料依法要保存一段時間，我們可以不刪嗎？")).toEqual([]);
    expect(names.unknownLaws("這種會員分潤制度合法嗎？")).toEqual([]);
  });

  it("gives a name shared by a repealed and a current regulation to the current one, and names the other", () => {
    const [mention] = names.find("電子支付機構管理條例第3條");
    expect(mention).toMatchObject({ pcode: "Y0000002", others: ["Y0000001"] });
    expect(names.find("電支條例")[0]?.pcode).toBe("Y0000002");
  });

  it("finds the sector a question names, in force only", () => {
    expect(names.sectorLaws("我們是旅行業，客戶護照影本要怎麼保存？")).toEqual(["X0000001"]);
    expect(names.sectorLaws("電支帳戶的個資")).toEqual(["Y0000002"]);
    expect(names.sectorLaws("會員資料可以拿去做行銷嗎？")).toEqual([]);
    // A name begins with its sector: 加班費 inside 各機關加班費支給辦法 names none.
    expect(names.sectorLaws("週六加班，加班費要怎麼算？")).toEqual([]);
  });

  it("suggests the closest names the database holds", () => {
    expect(names.closest("旅行業管理辦法", 1)).toEqual([{ pcode: "X0000001", name: "旅行業管理規則" }]);
  });
});
