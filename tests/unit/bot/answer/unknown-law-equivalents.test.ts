import { describe, expect, it } from "vitest";
import { composeAnswer } from "../../../../bot/index.js";
import { clause, createFakeKnowledge } from "../../../support/fakes/index.js";

describe("clauses shown for a law we do not hold", () => {
  const knowledge = createFakeKnowledge({
    clauses: [clause("I0050021:27", "非公務機關保有個人資料檔案者，應採行適當之安全措施。", { lawZh: "個人資料保護法" })],
  });
  const answerFor = (law: string, lang: "zh" | "en") =>
    composeAnswer(
      `${law} Article 30`,
      lang,
      {
        hits: [{ articleId: "I0050021:27", score: 1, focus: [], source: "search" }],
        abstained: false,
        mentionedLaws: [],
        cases: [],
        unknownLaw: law,
        equivalentsOnly: true,
      },
      knowledge,
    );

  it("says a Taiwanese law we lack is missing, without calling our clauses its equivalent", () => {
    const lead = answerFor("勞基法", "zh").lead;
    expect(lead).toContain("我沒有收錄「勞基法」");
    expect(lead).toContain("並非「勞基法」本身");
    expect(lead).not.toContain("我國法規中規範相同事項");
  });

  it("marks our clauses as Taiwan's corresponding rules for a foreign law", () => {
    const lead = answerFor("GDPR", "en").lead;
    expect(lead).toContain("I don't hold GDPR");
    expect(lead).toContain("Taiwan's rules on the same duty");
  });
});
