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
  // Every co-occurring (English, Chinese) word pair gets an id once; each training pair is
  // then a list of those ids, and EM runs over typed arrays instead of maps of maps (the
  // national database trains on ~20,000 pairs: minutes with maps, seconds like this).
  const enIds = new Map<string, number>([[NULL_WORD, 0]]);
  const enWords = [NULL_WORD];
  const cooc = new Map<string, number>();
  const coocEn: number[] = [];
  const coocZh: string[] = [];
  const layout: Array<{ source: number; target: number; ids: Int32Array }> = [];
  for (const { en, zh } of pairs) {
    const source = [0];
    for (const e of en) {
      let id = enIds.get(e);
      if (id === undefined) {
        id = enWords.length;
        enIds.set(e, id);
        enWords.push(e);
      }
      source.push(id);
    }
    const ids = new Int32Array(source.length * zh.length);
    zh.forEach((f, j) => {
      source.forEach((e, i) => {
        const key = `${e}\u0001${f}`;
        let id = cooc.get(key);
        if (id === undefined) {
          id = coocEn.length;
          cooc.set(key, id);
          coocEn.push(e);
          coocZh.push(f);
        }
        ids[j * source.length + i] = id;
      });
    });
    layout.push({ source: source.length, target: zh.length, ids });
  }
  // t[e][f]: start uniform over the Chinese words each English word co-occurs with.
  const rowSize = new Float64Array(enWords.length);
  for (const e of coocEn) rowSize[e] = (rowSize[e] as number) + 1;
  const t = new Float64Array(coocEn.length);
  for (let c = 0; c < t.length; c++) t[c] = 1 / (rowSize[coocEn[c] as number] as number);
  const counts = new Float64Array(coocEn.length);
  const totals = new Float64Array(enWords.length);
  for (let iteration = 0; iteration < iterations; iteration++) {
    counts.fill(0);
    totals.fill(0);
    for (const { source, target, ids } of layout) {
      for (let j = 0; j < target; j++) {
        const row = j * source;
        let z = 0;
        for (let i = 0; i < source; i++) z += t[ids[row + i] as number] as number;
        if (z === 0) continue;
        for (let i = 0; i < source; i++) {
          const id = ids[row + i] as number;
          const c = (t[id] as number) / z;
          counts[id] = (counts[id] as number) + c;
          const e = coocEn[id] as number;
          totals[e] = (totals[e] as number) + c;
        }
      }
    }
    for (let c = 0; c < t.length; c++) {
      const total = totals[coocEn[c] as number] as number;
      if (total > 0) t[c] = (counts[c] as number) / total;
    }
  }
  const rows = new Map<number, Array<[string, number]>>();
  for (let c = 0; c < t.length; c++) {
    const e = coocEn[c] as number;
    if (e === 0 || (t[c] as number) < minProbability) continue;
    const row = rows.get(e) ?? [];
    row.push([coocZh[c] as string, t[c] as number]);
    rows.set(e, row);
  }
  const table: TranslationTable = {};
  for (const [e, row] of [...rows].sort((a, b) => a[0] - b[0])) {
    const best = row
      .sort((a, b) => b[1] - a[1])
      .slice(0, maxPerWord)
      .map(([f, p]) => [f, Math.round(p * 1000) / 1000] as [string, number]);
    if (best.length > 0) table[enWords[e] as string] = best;
  }
  return table;
}
