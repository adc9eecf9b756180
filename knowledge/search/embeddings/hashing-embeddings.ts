import { Embeddings, type EmbeddingsParams } from "@langchain/core/embeddings";
import type { GlossaryMatcher } from "../query/glossary-matcher.js";
import type { Analyzer } from "../text/analyzer.js";

/**
 * The offline default: a feature-hashing embedding (Weinberger et al., 2009) over the
 * analyzer's terms plus one feature per glossary concept a text names. The concept
 * features are language-neutral (a Chinese clause and an English question naming the
 * same concept share them), which gives the vector side a cross-lingual signal with
 * nothing to download. Deterministic: the same text always gives the same vector.
 */
export interface HashingEmbeddingsParams extends EmbeddingsParams {
  analyzer: Analyzer;
  glossary: GlossaryMatcher;
  dimensions?: number;
}

const FEATURE_WEIGHTS: Record<string, number> = { "w:": 1, "b:": 0.5, "n:": 1, "e:": 1, "c:": 2 };

export class HashingEmbeddings extends Embeddings {
  readonly dimensions: number;
  private readonly analyzer: Analyzer;
  private readonly glossary: GlossaryMatcher;

  constructor(params: HashingEmbeddingsParams) {
    super(params);
    this.analyzer = params.analyzer;
    this.glossary = params.glossary;
    this.dimensions = params.dimensions ?? 512;
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    return texts.map((text) => this.embed(text));
  }

  async embedQuery(text: string): Promise<number[]> {
    return this.embed(text);
  }

  private embed(text: string): number[] {
    const counts = new Map<string, number>();
    for (const term of this.analyzer.terms(text)) counts.set(term, (counts.get(term) ?? 0) + 1);
    for (const { term } of this.glossary.match(text)) counts.set(`c:${term.id}`, (counts.get(`c:${term.id}`) ?? 0) + 1);
    const vector = new Float64Array(this.dimensions);
    for (const [feature, count] of counts) {
      const hash = fnv1a(feature);
      const sign = hash & 1 ? 1 : -1;
      const slot = (hash >>> 1) % this.dimensions;
      vector[slot] = (vector[slot] ?? 0) + sign * (FEATURE_WEIGHTS[feature.slice(0, 2)] ?? 1) * (1 + Math.log(count));
    }
    let norm = 0;
    for (const v of vector) norm += v * v;
    norm = Math.sqrt(norm) || 1;
    return Array.from(vector, (v) => v / norm);
  }
}

/** FNV-1a, 32 bits: a fast, stable hash of a string (feature hashing, deterministic sampling). */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
