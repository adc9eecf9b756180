import { describe, expect, it } from "vitest";
import { parseChineseNumber } from "../../../../../knowledge/search/text/numerals.js";

describe("parseChineseNumber", () => {
  it.each([
    ["十", 10],
    ["二十七", 27],
    ["七十二", 72],
    ["一百十二", 112],
    ["一百零五", 105],
    ["五千", 5000],
    ["一千萬", 10_000_000],
    ["27", 27],
  ])("%s -> %d", (text, value) => expect(parseChineseNumber(text)).toBe(value));

  it("rejects words that are not numbers", () => expect(parseChineseNumber("個資")).toBeNaN());
});
