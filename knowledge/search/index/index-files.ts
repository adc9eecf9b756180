import { readFileSync } from "node:fs";
import { join } from "node:path";

/** File names inside an index folder (beside the clause store's files). */
export const INDEX_FILES = {
  manifest: "manifest.json",
  docs: "docs.json",
  terms: "terms.json",
  offsets: "postings-offsets.u32",
  postingDocs: "postings-docs.i32",
  postingTf: "postings-tf.f32",
  translation: "translation.json",
  vectors: "vectors",
} as const;

/** Reads a file written from a typed array back into one (copying only when the buffer is misaligned). */
export function readTypedArray<T extends Uint32Array | Int32Array | Float32Array>(
  dir: string,
  name: string,
  Kind: { new (buffer: ArrayBufferLike, offset: number, length: number): T; new (length: number): T },
): T {
  const data = readFileSync(join(dir, name));
  if (data.byteOffset % 4 === 0) return new Kind(data.buffer, data.byteOffset, data.byteLength / 4);
  const copy = new Kind(data.byteLength / 4);
  new Uint8Array(copy.buffer).set(data);
  return copy;
}
