import { describe, expect, it } from "vitest";
import { type ParallelPair, trainModel1 } from "../../../../ingest/translate/ibm-model1.js";

// Three aligned sentences: EM must find that "data" means 資料 and "secur" means 安全
// although each co-occurs with both in the middle pair.
const PAIRS: ParallelPair[] = [
  { en: ["data"], zh: ["資料"] },
  { en: ["data", "secur"], zh: ["資料", "安全"] },
  { en: ["secur"], zh: ["安全"] },
  { en: ["secur", "measur"], zh: ["安全", "措施"] },
];

describe("IBM Model 1", () => {
  const table = trainModel1(PAIRS, { minProbability: 0.001 });

  it("learns each English stem's Chinese word as its best translation", () => {
    expect(table.data?.[0]?.[0]).toBe("資料");
    expect(table.secur?.[0]?.[0]).toBe("安全");
    expect(table.measur?.map(([zh]) => zh)).toContain("措施");
  });

  it("is a probability table, best first, rounded to three decimals", () => {
    for (const row of Object.values(table)) {
      const ps = row.map(([, p]) => p);
      expect(ps).toEqual([...ps].sort((a, b) => b - a));
      for (const p of ps) {
        expect(p).toBeGreaterThan(0);
        expect(p).toBeLessThanOrEqual(1);
        expect(Math.round(p * 1000) / 1000).toBe(p);
      }
      expect(ps.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(1.002);
    }
  });

  it("gets more certain with more EM iterations", () => {
    const p = (iterations: number) => trainModel1(PAIRS, { iterations, minProbability: 0.001 }).data?.[0]?.[1] ?? 0;
    expect(p(1)).toBeLessThan(p(8));
  });

  it("drops improbable translations and keeps at most maxPerWord, never the NULL word", () => {
    const strict = trainModel1(PAIRS, { minProbability: 0.5, maxPerWord: 1 });
    for (const row of Object.values(strict)) {
      expect(row).toHaveLength(1);
      expect(row[0]?.[1]).toBeGreaterThanOrEqual(0.5);
    }
    expect(Object.keys(table)).not.toContain("\u0000");
  });

  it("is deterministic and empty for no pairs", () => {
    expect(trainModel1(PAIRS, { minProbability: 0.001 })).toEqual(table);
    expect(trainModel1([])).toEqual({});
  });
});
