import { describe, expect, it } from "vitest";
import { holdsNoQuestion, noQuestionAnswer } from "../../../bot/answer/no-question.js";

describe("holdsNoQuestion", () => {
  it("finds no question in control characters, U+FFFD, a lone letter or digit, punctuation or mash", () => {
    for (const text of ["", "\u0000\u0000\u0000", "\uFFFD\uFFFD", "x", "7", "42", "？？！", "嗯", "asdkjh qwe zxcv", "zxcv bnm"]) {
      expect(holdsNoQuestion(text), JSON.stringify(text)).toBe(true);
    }
  });

  it("keeps every real question, terse ones and bare references included", () => {
    for (const text of ["個資法第27條", "委外要怎麼監督？", "退貨", "data breach notification deadline", "PDPA", "Art. 27", "what about deletion"]) {
      expect(holdsNoQuestion(text), text).toBe(false);
    }
  });

  it("answers in the reader's language with how to ask", () => {
    expect(noQuestionAnswer("x", "en")).toMatchObject({ abstained: true, reason: "no_question", citations: [] });
    expect(noQuestionAnswer("x", "en").text).toContain("I did not catch a question");
    expect(noQuestionAnswer("7", "zh").text).toContain("個資法第27條");
  });
});
