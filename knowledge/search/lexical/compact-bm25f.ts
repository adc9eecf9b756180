import type { Bm25fIndex, LexicalHit } from "./bm25f.js";
import type { Postings } from "./postings.js";

const K1 = 1.2;

/** BM25F scoring over prebuilt posting lists (see postings.ts); same scores as createBm25fIndex. */
export function createCompactBm25fIndex(postings: Postings, size: number): Bm25fIndex {
  const vocabulary = new Map<string, number>();
  for (let t = 0; t < postings.terms.length; t++) vocabulary.set(postings.terms[t] as string, t);
  const { offsets, docs, tf } = postings;

  const df = (term: string): number => {
    const t = vocabulary.get(term);
    return t === undefined ? 0 : (offsets[t + 1] as number) - (offsets[t] as number);
  };
  const idf = (term: string): number => {
    const d = df(term);
    return d === 0 ? 0 : Math.log(1 + (size - d + 0.5) / (d + 0.5));
  };

  function score(query: Map<string, number>): Float64Array {
    const scores = new Float64Array(size);
    for (const [term, weight] of query) {
      const t = vocabulary.get(term);
      if (t === undefined || weight === 0) continue;
      const w = weight * idf(term);
      const end = offsets[t + 1] as number;
      for (let p = offsets[t] as number; p < end; p++) {
        const f = tf[p] as number;
        const d = docs[p] as number;
        scores[d] = (scores[d] as number) + (w * f) / (K1 + f);
      }
    }
    return scores;
  }

  function scoreWithin(query: Map<string, number>, member: Uint8Array, members: number): Float64Array {
    const scores = new Float64Array(size);
    for (const [term, weight] of query) {
      const t = vocabulary.get(term);
      if (t === undefined || weight === 0) continue;
      const start = offsets[t] as number;
      const end = offsets[t + 1] as number;
      let d = 0;
      for (let p = start; p < end; p++) d += member[docs[p] as number] as number;
      if (d === 0) continue;
      const w = weight * Math.log(1 + (members - d + 0.5) / (d + 0.5));
      for (let p = start; p < end; p++) {
        const doc = docs[p] as number;
        if (member[doc] === 0) continue;
        const f = tf[p] as number;
        scores[doc] = (scores[doc] as number) + (w * f) / (K1 + f);
      }
    }
    return scores;
  }

  return {
    size,
    idf,
    df,
    score,
    scoreWithin,
    top(query, k, accept) {
      const scores = score(query);
      const hits: LexicalHit[] = [];
      for (let i = 0; i < size; i++) {
        const s = scores[i] ?? 0;
        if (s > 0 && (!accept || accept(i))) hits.push({ index: i, score: s });
      }
      hits.sort((a, b) => b.score - a.score);
      return hits.slice(0, k);
    },
  };
}
