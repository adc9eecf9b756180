import type { TranslationTable } from "../../knowledge/index.js";

/**
 * IBM Model 1 (Brown et al., "The Mathematics of Statistical Machine Translation", 1993)
 * trained by EM on aligned English/Chinese paragraphs of the same regulations. It learns
 * t(zh word | English stem), which carries an English question into the Chinese vocabulary
 * of regulations that have no English translation (K0010162, J0080062).
 */
export interface ParallelPair {
  en: string[];
  zh: string[];
}

export interface Model1Options {
  iterations?: number;
  /** Translations below this probability are dropped. */
  minProbability?: number;
  /** At most this many translations per English stem are kept. */
  maxPerWord?: number;
}

const NULL_WORD = "\u0000";

export function trainModel1(pairs: ParallelPair[], options: Model1Options = {}): TranslationTable {
  const iterations = options.iterations ?? 8;
  const minProbability = options.minProbability ?? 0.03;
  const maxPerWord = options.maxPerWord ?? 6;
  // t[e][f]: start uniform over the Chinese words each English word co-occurs with.
  const t = new Map<string, Map<string, number>>();
  for (const { en, zh } of pairs) {
    for (const e of [NULL_WORD, ...new Set(en)]) {
      const row = t.get(e) ?? new Map<string, number>();
      t.set(e, row);
      for (const f of zh) row.set(f, 1);
    }
  }
  for (const row of t.values()) {
    const uniform = 1 / row.size;
    for (const f of row.keys()) row.set(f, uniform);
  }
  for (let iteration = 0; iteration < iterations; iteration++) {
    const counts = new Map<string, Map<string, number>>();
    const totals = new Map<string, number>();
    for (const { en, zh } of pairs) {
      const source = [NULL_WORD, ...en];
      for (const f of zh) {
        let z = 0;
        for (const e of source) z += t.get(e)?.get(f) ?? 0;
        if (z === 0) continue;
        for (const e of source) {
          const c = (t.get(e)?.get(f) ?? 0) / z;
          const row = counts.get(e) ?? new Map<string, number>();
          counts.set(e, row);
          row.set(f, (row.get(f) ?? 0) + c);
          totals.set(e, (totals.get(e) ?? 0) + c);
        }
      }
    }
    for (const [e, row] of counts) {
      const total = totals.get(e) ?? 1;
      const target = t.get(e) ?? new Map<string, number>();
      for (const [f, c] of row) target.set(f, c / total);
      t.set(e, target);
    }
  }
  const table: TranslationTable = {};
  for (const [e, row] of t) {
    if (e === NULL_WORD) continue;
    const best = [...row.entries()]
      .filter(([, p]) => p >= minProbability)
      .sort((a, b) => b[1] - a[1])
      .slice(0, maxPerWord)
      .map(([f, p]) => [f, Math.round(p * 1000) / 1000] as [string, number]);
    if (best.length > 0) table[e] = best;
  }
  return table;
}
