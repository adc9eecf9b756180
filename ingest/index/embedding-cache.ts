import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * Vectors already computed, keyed by the sha256 of the embedded text, for one embedding
 * model. Re-ingesting after a change embeds only texts whose hash is not here.
 * On disk: `embeddings.json` (model id, dimensions, keys in order) and `embeddings.f32`.
 */
export interface EmbeddingCache {
  readonly embeddingId: string;
  get(hash: string): Float32Array | undefined;
  set(hash: string, vector: ArrayLike<number>): void;
  /** Keeps only the given hashes (drops vectors of texts that left the corpus). */
  retain(hashes: Set<string>): void;
  readonly size: number;
  save(dir: string): void;
}

export function loadEmbeddingCache(dir: string, embeddingId: string): EmbeddingCache {
  const vectors = new Map<string, Float32Array>();
  const headerPath = join(dir, "embeddings.json");
  const dataPath = join(dir, "embeddings.f32");
  if (existsSync(headerPath) && existsSync(dataPath)) {
    try {
      const header = JSON.parse(readFileSync(headerPath, "utf8")) as { embeddingId: string; dimensions: number; keys: string[] };
      const data = readFileSync(dataPath);
      const floats = new Float32Array(data.buffer, data.byteOffset, data.byteLength / 4);
      if (header.embeddingId === embeddingId && floats.length === header.keys.length * header.dimensions) {
        for (const [i, key] of header.keys.entries()) vectors.set(key, floats.slice(i * header.dimensions, (i + 1) * header.dimensions));
      }
    } catch {
      // A damaged cache only costs re-embedding.
      vectors.clear();
    }
  }
  return {
    embeddingId,
    get: (hash) => vectors.get(hash),
    set: (hash, vector) => vectors.set(hash, Float32Array.from(vector)),
    retain(hashes) {
      for (const key of [...vectors.keys()]) if (!hashes.has(key)) vectors.delete(key);
    },
    get size() {
      return vectors.size;
    },
    save(target) {
      const keys = [...vectors.keys()];
      const dimensions = vectors.get(keys[0] ?? "")?.length ?? 0;
      const data = new Float32Array(keys.length * dimensions);
      for (const [i, key] of keys.entries()) data.set(vectors.get(key) as Float32Array, i * dimensions);
      writeFileSync(join(target, "embeddings.f32"), new Uint8Array(data.buffer));
      writeFileSync(join(target, "embeddings.json"), JSON.stringify({ embeddingId, dimensions, keys }));
    },
  };
}
