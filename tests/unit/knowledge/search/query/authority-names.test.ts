import { describe, expect, it } from "vitest";
import { namedAuthorities } from "../../../../../knowledge/search/query/authority-names.js";

describe("authorities named in a question", () => {
  it("reads colloquial and English names as the 法規類別 of the regulations they administer", () => {
    expect(namedAuthorities("客戶資料外洩要在多久內通報金管會？")).toEqual(["金融監督管理委員會"]);
    expect(namedAuthorities("衛生局說我們的廣告違規")).toEqual(["衛生福利部", "衛生署"]);
    expect(namedAuthorities("Does the NCC regulate this?")).toEqual(["國家通訊傳播委員會"]);
    expect(namedAuthorities("客人要求退貨")).toEqual([]);
  });
});
