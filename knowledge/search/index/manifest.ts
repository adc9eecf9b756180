import { readFileSync } from "node:fs";
import { z } from "zod";

/** Bumped when the on-disk layout or the analysis changes, so old indexes are rebuilt. */
export const INDEX_FORMAT = 6;

export const ManifestSchema = z.object({
  format: z.number().int(),
  embedding: z.object({ id: z.string().min(1), dimensions: z.number().int().positive() }),
  /** sha256 over every corpus file and knowledge file, in order. */
  corpusHash: z.string().regex(/^[0-9a-f]{64}$/),
  /** size and mtimeMs let an unchanged file skip re-hashing on the next start (as git's index does). */
  files: z.array(z.object({ path: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/), size: z.number().int().optional(), mtimeMs: z.number().optional() })),
  knowledgeHash: z.string().regex(/^[0-9a-f]{64}$/),
  /** Files reported and skipped (or kept at their last good version) when this index was built. */
  problems: z.array(z.object({ file: z.string(), reason: z.string() })).default([]),
  /** Regulations whose articles have vectors (see VECTOR_SCOPE in ingest). */
  vectorScope: z.array(z.string()).default([]),
  builtAt: z.string().datetime(),
  counts: z.object({
    regulations: z.number().int().nonnegative(),
    articles: z.number().int().nonnegative(),
    clauses: z.number().int().nonnegative(),
    vectors: z.number().int().nonnegative(),
  }),
});

export type Manifest = z.infer<typeof ManifestSchema>;

/** Reads the manifest; undefined when missing, a reason string when unreadable or invalid. */
export function readManifest(path: string): Manifest | undefined | { invalid: string } {
  let raw: string;
  try {
    raw = readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
  try {
    const parsed = ManifestSchema.safeParse(JSON.parse(raw));
    if (parsed.success) return parsed.data;
    return { invalid: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") };
  } catch (error) {
    return { invalid: `not JSON (${(error as Error).message})` };
  }
}
