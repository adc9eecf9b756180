/**
 * BM25F (Robertson & Zaragoza, "The Probabilistic Relevance Framework", 2009, §3.3):
 * per-field term frequencies are length-normalised, weighted and summed before the
 * saturation k1, so a term that appears in both the law's name and its text is not
 * counted as two independent pieces of evidence.
 */
export interface FieldSpec {
  weight: number;
  /** Length normalisation strength b for this field. */
  b: number;
}

export interface LexicalDoc {
  id: string;
  fields: Record<string, string[]>;
}

export interface Bm25fOptions {
  fields: Record<string, FieldSpec>;
  k1?: number;
}

export interface LexicalHit {
  index: number;
  score: number;
}

export interface Bm25fIndex {
  readonly size: number;
  idf(term: string): number;
  /** Document frequency of a term (0 when the corpus never uses it). */
  df(term: string): number;
  /** Scores every document that shares a term with the weighted query. */
  score(query: Map<string, number>): Float64Array;
  top(query: Map<string, number>, k: number, accept?: (index: number) => boolean): LexicalHit[];
  /**
   * The same index over the member documents only, with document frequencies counted among
   * them: the ranking a corpus of just those documents would give (the hybrid retriever's
   * home regulations). Optional: the in-memory index of case studies does not need it.
   */
  restrict?(member: Uint8Array): Bm25fIndex;
}

interface Posting {
  doc: number;
  /** Field-weighted, length-normalised term frequency (the tf~ of BM25F). */
  tf: number;
}

/** Builds the index in memory; building 100,000 short documents takes a few seconds. */
export function createBm25fIndex(docs: LexicalDoc[], options: Bm25fOptions): Bm25fIndex {
  const k1 = options.k1 ?? 1.2;
  const fieldNames = Object.keys(options.fields);
  const avgLength = new Map<string, number>();
  for (const field of fieldNames) {
    let total = 0;
    for (const doc of docs) total += doc.fields[field]?.length ?? 0;
    avgLength.set(field, Math.max(1, total / Math.max(1, docs.length)));
  }
  const postings = new Map<string, Posting[]>();
  docs.forEach((doc, index) => {
    const combined = new Map<string, number>();
    for (const field of fieldNames) {
      const terms = doc.fields[field];
      if (!terms || terms.length === 0) continue;
      const spec = options.fields[field] as FieldSpec;
      const norm = 1 - spec.b + (spec.b * terms.length) / (avgLength.get(field) ?? 1);
      const counts = new Map<string, number>();
      for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
      for (const [term, count] of counts) combined.set(term, (combined.get(term) ?? 0) + (spec.weight * count) / norm);
    }
    for (const [term, tf] of combined) {
      const list = postings.get(term) ?? [];
      if (list.length === 0) postings.set(term, list);
      list.push({ doc: index, tf });
    }
  });
  const n = docs.length;
  const idfCache = new Map<string, number>();
  const idf = (term: string): number => {
    let value = idfCache.get(term);
    if (value === undefined) {
      const df = postings.get(term)?.length ?? 0;
      value = df === 0 ? 0 : Math.log(1 + (n - df + 0.5) / (df + 0.5));
      idfCache.set(term, value);
    }
    return value;
  };

  function score(query: Map<string, number>): Float64Array {
    const scores = new Float64Array(n);
    for (const [term, weight] of query) {
      const list = postings.get(term);
      if (!list || weight === 0) continue;
      const w = weight * idf(term);
      for (const { doc, tf } of list) scores[doc] = (scores[doc] ?? 0) + (w * tf) / (k1 + tf);
    }
    return scores;
  }

  return {
    size: n,
    idf,
    df: (term) => postings.get(term)?.length ?? 0,
    score,
    top(query, k, accept) {
      const scores = score(query);
      const hits: LexicalHit[] = [];
      for (let i = 0; i < n; i++) {
        const s = scores[i] ?? 0;
        if (s > 0 && (!accept || accept(i))) hits.push({ index: i, score: s });
      }
      hits.sort((a, b) => b.score - a.score);
      return hits.slice(0, k);
    },
  };
}
