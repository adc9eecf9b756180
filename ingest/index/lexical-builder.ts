import { type ClauseStatus, type DocInfo, FIELD_SPECS, type Postings, SEARCH_FIELDS, type SearchField } from "../../knowledge/index.js";
import { createGrowArray } from "./grow-array.js";

/**
 * Accumulates the BM25F postings of the whole corpus while files stream past, in typed
 * arrays with interned term ids: one entry (term x field, doc, count) per distinct term of
 * a field of an article, about 10 bytes each. `finish` applies the length normalisation
 * (which needs every document's length) and merges the fields of a term into one posting.
 */
export interface LexicalBuilder {
  /** The document of an article id (created on first use; Chinese and English text share it). */
  doc(id: string, pcode: string, status: ClauseStatus): number;
  addField(doc: number, field: SearchField, terms: string[]): void;
  readonly size: number;
  /**
   * `averageOver`: the regulations whose articles set the average field lengths of the
   * length normalisation (all documents when none of them is present). The home
   * regulations, so that their fields weigh what they weigh in a corpus of just them: over
   * the whole database the average note length is near zero (only they have notes), and
   * every note would be normalised away.
   */
  finish(averageOver?: Set<string>): { docs: DocInfo[]; postings: Postings };
}

const FIELD_COUNT = SEARCH_FIELDS.length;
const BODY = SEARCH_FIELDS.indexOf("body");
const EN = SEARCH_FIELDS.indexOf("en");

export function createLexicalBuilder(): LexicalBuilder {
  const vocabulary = new Map<string, number>();
  const terms: string[] = [];
  const docs: DocInfo[] = [];
  const docIndex = new Map<string, number>();
  const keys = createGrowArray(Int32Array); // term id * FIELD_COUNT + field
  const entryDocs = createGrowArray(Int32Array);
  const counts = createGrowArray(Uint16Array);
  const lengths = createGrowArray(Int32Array); // doc * FIELD_COUNT + field

  function termId(term: string): number {
    let id = vocabulary.get(term);
    if (id === undefined) {
      id = terms.length;
      vocabulary.set(term, id);
      terms.push(term);
    }
    return id;
  }

  return {
    doc(id, pcode, status) {
      let index = docIndex.get(id);
      if (index === undefined) {
        index = docs.length;
        docIndex.set(id, index);
        docs.push({ id, pcode, status });
        for (let f = 0; f < FIELD_COUNT; f++) lengths.push(0);
      }
      return index;
    },
    addField(doc, field, fieldTerms) {
      if (fieldTerms.length === 0) return;
      const f = SEARCH_FIELDS.indexOf(field);
      const tally = new Map<number, number>();
      for (const term of fieldTerms) {
        const id = termId(term);
        tally.set(id, (tally.get(id) ?? 0) + 1);
      }
      for (const [id, count] of tally) {
        keys.push(id * FIELD_COUNT + f);
        entryDocs.push(doc);
        counts.push(Math.min(count, 65_535));
      }
      const length = lengths.view();
      length[doc * FIELD_COUNT + f] = (length[doc * FIELD_COUNT + f] ?? 0) + fieldTerms.length;
    },
    get size() {
      return docs.length;
    },
    finish(averageOver) {
      const counted = new Uint8Array(docs.length);
      docs.forEach((doc, i) => {
        counted[i] = averageOver?.has(doc.pcode) ? 1 : 0;
      });
      if (!counted.includes(1)) counted.fill(1);
      return { docs, postings: buildPostings(terms, counted, keys.view(), entryDocs.view(), counts.view(), lengths.view()) };
    },
  };
}

function buildPostings(terms: string[], counted: Uint8Array, keys: Int32Array, entryDocs: Int32Array, counts: Uint16Array, lengths: Int32Array): Postings {
  const n = counted.length;
  // A document with no Chinese text is searched by its English text in the body field too.
  const bodyFromEn = new Uint8Array(n);
  for (let d = 0; d < n; d++) {
    if (lengths[d * FIELD_COUNT + BODY] === 0 && (lengths[d * FIELD_COUNT + EN] ?? 0) > 0) {
      bodyFromEn[d] = 1;
      lengths[d * FIELD_COUNT + BODY] = lengths[d * FIELD_COUNT + EN] ?? 0;
    }
  }
  let members = 0;
  for (let d = 0; d < n; d++) members += counted[d] as number;
  const average = SEARCH_FIELDS.map((_, f) => {
    let total = 0;
    for (let d = 0; d < n; d++) if (counted[d] === 1) total += lengths[d * FIELD_COUNT + f] ?? 0;
    return Math.max(1, total / Math.max(1, members));
  });
  const specs = SEARCH_FIELDS.map((field) => FIELD_SPECS[field]);
  const weighted = (d: number, f: number, count: number): number => {
    const spec = specs[f] as (typeof specs)[number];
    const norm = 1 - spec.b + (spec.b * (lengths[d * FIELD_COUNT + f] ?? 0)) / (average[f] as number);
    return (spec.weight * count) / norm;
  };
  // Counting sort of the entries by term, then an in-place merge of a term's fields per document.
  const v = terms.length;
  const offsets = new Uint32Array(v + 1);
  for (const key of keys) {
    const slot = Math.floor(key / FIELD_COUNT) + 1;
    offsets[slot] = (offsets[slot] as number) + 1;
  }
  for (let t = 0; t < v; t++) offsets[t + 1] = (offsets[t + 1] as number) + (offsets[t] as number);
  const cursor = offsets.slice(0, v);
  const docs = new Int32Array(keys.length);
  const tf = new Float32Array(keys.length);
  for (let e = 0; e < keys.length; e++) {
    const key = keys[e] as number;
    const t = Math.floor(key / FIELD_COUNT);
    const f = key % FIELD_COUNT;
    const d = entryDocs[e] as number;
    const count = counts[e] as number;
    const p = cursor[t] as number;
    cursor[t] = p + 1;
    docs[p] = d;
    tf[p] = weighted(d, f, count) + (f === EN && bodyFromEn[d] ? weighted(d, BODY, count) : 0);
  }
  const stamp = new Int32Array(n).fill(-1);
  const position = new Int32Array(n);
  let write = 0;
  const merged = new Uint32Array(v + 1);
  for (let t = 0; t < v; t++) {
    merged[t] = write;
    for (let p = offsets[t] as number; p < (offsets[t + 1] as number); p++) {
      const d = docs[p] as number;
      if (stamp[d] === t) {
        tf[position[d] as number] = (tf[position[d] as number] as number) + (tf[p] as number);
        continue;
      }
      stamp[d] = t;
      position[d] = write;
      docs[write] = d;
      tf[write] = tf[p] as number;
      write++;
    }
  }
  merged[v] = write;
  return { terms, offsets: merged, docs: docs.slice(0, write), tf: tf.slice(0, write) };
}
