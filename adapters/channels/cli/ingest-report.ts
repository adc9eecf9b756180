import { relative } from "node:path";
import type { IndexReport } from "../../../ingest/index.js";

interface ManifestLike {
  counts: { regulations: number; articles: number; clauses: number; vectors: number };
}

/** Prints what an ingest run did: up to date, or which files changed and how much was embedded. */
export function printIngestReport(report: IndexReport, manifest: ManifestLike, out: NodeJS.WritableStream = process.stdout): void {
  const lines: string[] = [];
  const name = (p: string) => relative(process.cwd(), p) || p;
  if (report.status === "up-to-date") {
    lines.push("Index is up to date: nothing changed, nothing to do.");
  } else {
    lines.push(`Index ${report.status}${report.reason ? ` (${report.reason})` : ""} in ${Math.round(report.ms)} ms.`);
    for (const f of report.added) lines.push(`  + ${name(f)}`);
    for (const f of report.changed) lines.push(`  ~ ${name(f)}`);
    for (const f of report.removed) lines.push(`  - ${name(f)}`);
    lines.push(`  embedded ${report.embedded} texts, reused ${report.reused} (model ${report.embeddingId})`);
  }
  const c = manifest.counts;
  lines.push(`  ${c.regulations} regulation files, ${c.articles} articles, ${c.clauses} clauses, ${c.vectors} vectors.`);
  for (const p of report.problems) lines.push(`  ! skipped ${name(p.file)}: ${p.reason}`);
  out.write(`${lines.join("\n")}\n`);
}
