import { describe, expect, it } from "vitest";
import { createAnalyzer } from "../../../../../knowledge/search/text/analyzer.js";

const words = (terms: string[]) => terms.filter((t) => t.startsWith("w:"));
const numbers = (terms: string[]) => terms.filter((t) => t.startsWith("n:"));

describe("the analyzer", () => {
  const plain = createAnalyzer();
  const domain = createAnalyzer(["個資", "撞庫", "安全維護計畫", "x"]);

  it("keeps domain lexicon words whole beside the segmenter's pieces", () => {
    expect(words(plain.terms("個資外洩要通報嗎"))).not.toContain("w:個資");
    expect(words(domain.terms("個資外洩要通報嗎"))).toContain("w:個資");
    expect(domain.zhWords("會員遭撞庫")).toEqual(expect.arrayContaining(["會員", "撞庫"]));
    expect(plain.zhWords("會員遭撞庫")).not.toContain("撞庫");
    expect(words(domain.terms("訂定安全維護計畫"))).toEqual(expect.arrayContaining(["w:安全維護計畫", "w:安全", "w:維護", "w:計畫"]));
  });

  it("ignores lexicon entries shorter than two characters", () => {
    expect(domain.terms("x")).toEqual(plain.terms("x"));
  });

  it("adds every character bigram of a Han run, across word boundaries, never across a break", () => {
    const terms = plain.terms("委外廠商，個資");
    expect(terms.filter((t) => t.startsWith("b:"))).toEqual(["b:委外", "b:外廠", "b:廠商", "b:個資"]);
  });

  it("reads numbers written in Chinese, Arabic and full-width digits alike", () => {
    expect(numbers(plain.terms("七十二小時內通報"))).toEqual(["n:72"]);
    expect(numbers(plain.terms("72小時"))).toEqual(["n:72"]);
    expect(numbers(plain.terms("７２小時"))).toEqual(["n:72"]);
    expect(numbers(plain.terms("個資法第二十七條"))).toEqual(["n:27"]);
    expect(numbers(plain.terms("第27條第1項"))).toEqual(["n:27", "n:1"]);
    expect(numbers(plain.terms("保存五年"))).toEqual(["n:5"]);
  });

  it("takes a single numeral for a number only before a unit", () => {
    expect(numbers(plain.terms("一"))).toEqual([]);
    expect(numbers(plain.terms("統一"))).toEqual([]);
    expect(numbers(plain.terms("七日內"))).toEqual(["n:7"]);
  });

  it("stems English words and drops stopwords and possessives", () => {
    expect(plain.terms("Personal data breaches must be notified")).toEqual(["e:person", "e:data", "e:breach", "e:notifi"]);
    expect(plain.enStems("The retailer's policies")).toEqual(["retail", "polici"]);
    expect(plain.enStems("PDPA")).toEqual(plain.enStems("pdpa"));
  });

  it("drops Chinese stopwords as words but keeps their bigrams", () => {
    expect(words(plain.terms("的了是"))).toEqual([]);
    expect(plain.terms("的了是")).toEqual(["b:的了", "b:了是"]);
  });

  it("segments a very long run in windows, and gives the same terms each time", () => {
    const long = "非公務機關保有個人資料檔案者應採行適當之安全措施".repeat(400);
    const first = plain.terms(long);
    expect(first.length).toBeGreaterThan(long.length);
    expect(plain.terms(long)).toEqual(first);
  });
});
