import { describe, expect, it } from "vitest";
import { createLexicalBuilder } from "../../../../ingest/index/lexical-builder.js";
import { FIELD_SPECS } from "../../../../knowledge/index.js";
import { createBm25fIndex } from "../../../../knowledge/search/lexical/bm25f.js";
import { createCompactBm25fIndex } from "../../../../knowledge/search/lexical/compact-bm25f.js";

describe("typed-array postings", () => {
  const docs = [
    { id: "A:1", fields: { body: ["w:委託", "w:監督", "w:委託"], en: [], name: ["w:個資"], chapter: [], notes: ["w:委外"] } },
    // An article with only an English text: searched by it in the body field too.
    { id: "A:2", fields: { body: ["e:commiss", "e:supervis"], en: ["e:commiss", "e:supervis"], name: ["w:個資"], chapter: ["w:總則"], notes: [] } },
    { id: "B:1", fields: { body: ["w:監督", "w:罰鍰"], en: ["e:fine"], name: ["w:消保"], chapter: [], notes: [] } },
  ];

  it("scores exactly like the in-memory BM25F over the same fields", () => {
    const builder = createLexicalBuilder();
    for (const doc of docs) {
      const index = builder.doc(doc.id, doc.id.split(":")[0] as string, "in_force");
      // The English-only article gets only its English text: the builder copies it to body.
      const fields = doc.id === "A:2" ? { ...doc.fields, body: [] } : doc.fields;
      for (const [field, terms] of Object.entries(fields)) builder.addField(index, field as keyof typeof FIELD_SPECS, terms);
    }
    const { postings, docs: info } = builder.finish();
    expect(info.map((d) => d.id)).toEqual(["A:1", "A:2", "B:1"]);
    const compact = createCompactBm25fIndex(postings, info.length);
    const reference = createBm25fIndex(docs, { fields: FIELD_SPECS });
    for (const query of [["w:監督"], ["w:委託", "w:個資"], ["e:commiss", "e:fine"], ["w:總則", "w:委外", "w:消保"]]) {
      const weights = new Map(query.map((t) => [t, 1]));
      const got = [...compact.score(weights)];
      const want = [...reference.score(weights)];
      for (let i = 0; i < want.length; i++) expect(got[i]).toBeCloseTo(want[i] as number, 5);
    }
    expect(compact.df("w:監督")).toBe(2);
    expect(compact.idf("w:無此詞")).toBe(0);
  });
});
