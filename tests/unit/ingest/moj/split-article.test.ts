import { describe, expect, it } from "vitest";
import { splitArticle } from "../../../../ingest/moj/split-article.js";

describe("splitArticle", () => {
  it("groups items under their paragraph and sub-items under their item", () => {
    const parts = splitArticle("甲段：\r\n一、第一款。\r\n（一）第一目。\r\n（二）第二目。\r\n二、第二款。\r\n乙段。");
    expect(parts.map((p) => p.number)).toEqual([1, 2]);
    expect(parts[0]?.items.map((i) => i.number)).toEqual([1, 2]);
    expect(parts[0]?.items[0]?.subItems.map((s) => s.text)).toEqual(["（一）第一目。", "（二）第二目。"]);
    expect(parts[1]?.text).toBe("乙段。");
  });

  it("reads English numbering and trims trailing spaces", () => {
    const parts = splitArticle("The terms:\r\n1. one;   \r\n2.two.\r\n(1)first\r\nA new paragraph.");
    expect(parts[0]?.items.map((i) => i.text)).toEqual(["1. one;", "2.two."]);
    expect(parts[0]?.items[1]?.subItems[0]?.text).toBe("(1)first");
    expect(parts[1]?.number).toBe(2);
  });

  it("counts 十一、 as item eleven", () => {
    const parts = splitArticle("段：\r\n十一、甲。\r\n二十、乙。");
    expect(parts[0]?.items.map((i) => i.number)).toEqual([11, 20]);
  });
});
