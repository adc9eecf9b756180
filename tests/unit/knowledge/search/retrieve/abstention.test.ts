import { describe, expect, it } from "vitest";
import { GlossarySchema, OutOfScopeSchema } from "../../../../../knowledge/content/schema.js";
import { type AbstentionInput, decideAbstention } from "../../../../../knowledge/search/retrieve/abstention.js";

const [duty, other, setting] = GlossarySchema.parse({
  terms: [
    { id: "deletion", zh: ["刪除"] },
    { id: "outsourcing", zh: ["委託"] },
    { id: "customer", zh: ["顧客"], generic: true },
  ],
}).terms;
const [tax] = OutOfScopeSchema.parse({
  topics: [{ id: "tax", name_zh: "稅務", name_en: "Tax", terms: ["發票", "營業稅"], where_zh: "財政部", where_en: "Ministry of Finance" }],
}).topics;
if (!duty || !other || !setting || !tax) throw new Error("fixture");

const base: AbstentionInput = { concepts: [], otherFields: [], unknownLaws: [], references: 0, mentioned: 0, matched: true };
const concept = (term: typeof duty) => ({ term, matched: term.zh });

describe("decideAbstention", () => {
  it("answers an exact reference to a law of ours, even when nothing else matched", () => {
    expect(decideAbstention({ ...base, references: 1, mentioned: 1, matched: false })).toEqual({ abstain: false });
    const otherFields = [{ topic: tax, terms: ["發票", "營業稅"] }];
    expect(decideAbstention({ ...base, references: 1, mentioned: 1, otherFields })).toEqual({ abstain: false });
  });

  it("abstains on a law the corpus does not hold, unless a law of ours is named too", () => {
    expect(decideAbstention({ ...base, unknownLaws: ["勞動基準法"] })).toEqual({ abstain: true, reason: "out_of_scope", unknownLaw: "勞動基準法" });
    expect(decideAbstention({ ...base, unknownLaws: ["勞動基準法"], mentioned: 1 })).toEqual({ abstain: false });
  });

  it("abstains on a neighbouring field with more evidence than duties of ours", () => {
    const otherFields = [{ topic: tax, terms: ["發票", "營業稅"] }];
    expect(decideAbstention({ ...base, otherFields, concepts: [concept(duty)] })).toEqual({ abstain: true, reason: "out_of_scope", otherField: tax });
  });

  it("answers a tie, pointing to the other field too", () => {
    const otherFields = [{ topic: tax, terms: ["發票"] }];
    expect(decideAbstention({ ...base, otherFields, concepts: [concept(duty)] })).toEqual({ abstain: false, otherField: tax });
  });

  it("counts setting words (generic concepts) as no duty", () => {
    const otherFields = [{ topic: tax, terms: ["發票"] }];
    expect(decideAbstention({ ...base, otherFields, concepts: [concept(setting)] })).toMatchObject({ abstain: true, reason: "out_of_scope" });
  });

  it("counts distinct words of the other field once", () => {
    const otherFields = [
      { topic: tax, terms: ["發票"] },
      { topic: tax, terms: ["發票"] },
    ];
    expect(decideAbstention({ ...base, otherFields, concepts: [concept(duty)] }).abstain).toBe(false);
  });

  it("abstains when nothing matched, answers otherwise", () => {
    expect(decideAbstention({ ...base, matched: false })).toEqual({ abstain: true, reason: "no_match" });
    expect(decideAbstention(base)).toEqual({ abstain: false });
  });
});
