import { describe, expect, it } from "vitest";
import { createBm25fIndex, type LexicalDoc } from "../../../../../knowledge/search/lexical/bm25f.js";

const K1 = 1.2;
const idf = (n: number, df: number) => Math.log(1 + (n - df + 0.5) / (df + 0.5));
const doc = (id: string, body: string, name = ""): LexicalDoc => ({
  id,
  fields: { body: body.split(" ").filter(Boolean), name: name.split(" ").filter(Boolean) },
});
const query = (...terms: string[]) => new Map(terms.map((t) => [t, 1]));

describe("BM25F", () => {
  const flat = { body: { weight: 1, b: 0 }, name: { weight: 3, b: 0 } };

  it("uses the Robertson-Sparck Jones idf, zero for an unknown term", () => {
    const index = createBm25fIndex([doc("a", "x y"), doc("b", "y"), doc("c", "z")], { fields: flat });
    expect(index.size).toBe(3);
    expect(index.df("y")).toBe(2);
    expect(index.idf("x")).toBeCloseTo(idf(3, 1), 12);
    expect(index.idf("y")).toBeCloseTo(idf(3, 2), 12);
    expect(index.idf("nowhere")).toBe(0);
    expect(index.df("nowhere")).toBe(0);
  });

  it("saturates term frequency with k1: score = idf * tf / (k1 + tf)", () => {
    const index = createBm25fIndex([doc("a", "x x"), doc("b", "y")], { fields: flat });
    const scores = index.score(query("x"));
    expect(scores[0]).toBeCloseTo((idf(2, 1) * 2) / (K1 + 2), 12);
    expect(scores[1]).toBe(0);
  });

  it("weighs fields before saturation, so one term in two fields is not two pieces of evidence", () => {
    const index = createBm25fIndex([doc("both", "x", "x"), doc("other", "y")], { fields: flat });
    const tf = 1 * 1 + 3 * 1;
    const [both] = index.score(query("x"));
    expect(both).toBeCloseTo((idf(2, 1) * tf) / (K1 + tf), 12);
    const separately = (idf(2, 1) * 1) / (K1 + 1) + (idf(2, 1) * 3) / (K1 + 3);
    expect(both).toBeLessThan(separately);
  });

  it("ranks a term in a heavier field above the same term in a lighter one", () => {
    const index = createBm25fIndex([doc("body", "x a"), doc("name", "a", "x"), doc("none", "a")], { fields: flat });
    expect(index.top(query("x"), 3).map((h) => h.index)).toEqual([1, 0]);
  });

  it("normalises by field length with b: the shorter document wins at equal counts", () => {
    const fields = { body: { weight: 1, b: 0.75 }, name: { weight: 1, b: 0.75 } };
    const index = createBm25fIndex([doc("long", "x a b c d e f g"), doc("short", "x a")], { fields });
    const [long, short] = index.score(query("x"));
    expect(short).toBeGreaterThan(long ?? Number.POSITIVE_INFINITY);
    const avg = (8 + 2) / 2;
    const tfShort = 1 / (1 - 0.75 + (0.75 * 2) / avg);
    expect(short).toBeCloseTo((idf(2, 2) * tfShort) / (K1 + tfShort), 12);
  });

  it("multiplies by the query weight and adds over terms", () => {
    const index = createBm25fIndex([doc("a", "x y"), doc("b", "z")], { fields: flat });
    const one = index.score(new Map([["x", 1]]))[0] ?? 0;
    expect(index.score(new Map([["x", 2.5]]))[0]).toBeCloseTo(2.5 * one, 12);
    const y = index.score(query("y"))[0] ?? 0;
    expect(index.score(query("x", "y"))[0]).toBeCloseTo(one + y, 12);
    expect(index.score(new Map([["x", 0]]))[0]).toBe(0);
  });

  it("top: best first, at most k, only matching documents the filter accepts", () => {
    const docs = [doc("a", "x"), doc("b", "x x x"), doc("c", "x x"), doc("d", "y")];
    const index = createBm25fIndex(docs, { fields: flat });
    expect(index.top(query("x"), 10).map((h) => h.index)).toEqual([1, 2, 0]);
    expect(index.top(query("x"), 2).map((h) => h.index)).toEqual([1, 2]);
    expect(index.top(query("x"), 10, (i) => i !== 1).map((h) => h.index)).toEqual([2, 0]);
    expect(index.top(query("nothing"), 10)).toEqual([]);
  });

  it("handles an empty index", () => {
    const index = createBm25fIndex([], { fields: flat });
    expect(index.size).toBe(0);
    expect(index.top(query("x"), 5)).toEqual([]);
  });
});
