import type { Bm25fIndex, LexicalHit } from "./bm25f.js";
import type { Postings } from "./postings.js";

const K1 = 1.2;

/**
 * BM25F scoring over prebuilt posting lists (see postings.ts); same scores as
 * createBm25fIndex. `population`: the number of documents the idf counts (all of them,
 * unless the postings were restricted to some).
 */
export function createCompactBm25fIndex(postings: Postings, size: number, population = size): Bm25fIndex {
  const vocabulary = new Map<string, number>();
  for (let t = 0; t < postings.terms.length; t++) vocabulary.set(postings.terms[t] as string, t);
  const { offsets, docs, tf } = postings;

  const df = (term: string): number => {
    const t = vocabulary.get(term);
    return t === undefined ? 0 : (offsets[t + 1] as number) - (offsets[t] as number);
  };
  const idf = (term: string): number => {
    const d = df(term);
    return d === 0 ? 0 : Math.log(1 + (population - d + 0.5) / (d + 0.5));
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

  return {
    size,
    idf,
    df,
    score,
    restrict: (member) =>
      createCompactBm25fIndex(
        restrictPostings(postings, member),
        size,
        member.reduce((n, m) => n + m, 0),
      ),
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

/** The postings of the member documents only (document numbers unchanged). */
function restrictPostings(postings: Postings, member: Uint8Array): Postings {
  const { terms, offsets, docs, tf } = postings;
  let kept = 0;
  for (let p = 0; p < docs.length; p++) kept += member[docs[p] as number] as number;
  const outDocs = new Int32Array(kept);
  const outTf = new Float32Array(kept);
  const outOffsets = new Uint32Array(offsets.length);
  let write = 0;
  for (let t = 0; t + 1 < offsets.length; t++) {
    outOffsets[t] = write;
    for (let p = offsets[t] as number; p < (offsets[t + 1] as number); p++) {
      if (member[docs[p] as number] === 0) continue;
      outDocs[write] = docs[p] as number;
      outTf[write] = tf[p] as number;
      write++;
    }
  }
  outOffsets[offsets.length - 1] = write;
  return { terms, offsets: outOffsets, docs: outDocs, tf: outTf };
}
