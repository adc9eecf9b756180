import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { exitWithError } from "../adapters/channels/cli/cli-errors.js";
import { loadConfig, PROJECT_ROOT } from "../adapters/config.js";
import { embeddingsConfig } from "../adapters/runtime.js";
import { runSync } from "../ingest/index.js";

/**
 * The whole-database sync: records the 2023-04-28 snapshot (10,917 regulations), then syncs
 * to 2024-10-11 (11,547) and prints time, peak RSS and the change report's counts beside an
 * independent file-by-file comparison of the two folders. Numbers only; the index is not
 * built (that is `npm run bench`'s job): `--with-index` builds it too.
 *
 *   npm run bench:sync [-- --from DIR --to DIR --with-index]
 */
const CACHE = resolve(PROJECT_ROOT, "../cache");

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { from: { type: "string" }, to: { type: "string" }, "with-index": { type: "boolean", default: false } },
  });
  const from = values.from ?? join(CACHE, "moj-20230428");
  const to = values.to ?? join(CACHE, "moj-20241011");
  const dataDir = mkdtempSync(join(tmpdir(), "bench-sync-"));
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: "silent" });
  const base = {
    dataDir,
    knowledgeDir: config.knowledgeDir,
    today: new Date().toISOString().slice(0, 10),
    embeddings: embeddingsConfig(config.env),
    skipIndex: !values["with-index"],
  };
  try {
    const first = await runSync({ ...base, source: from, version: "2023-04-28" });
    const rss1 = process.resourceUsage().maxRSS / 1024;
    const second = await runSync({ ...base, source: to, version: "2024-10-11" });
    const rss2 = process.resourceUsage().maxRSS / 1024;
    const regs = second.change.regulations;
    const kinds = (k: string) => regs.filter((r) => r.kinds.includes(k as never)).length;
    const articles = (k: "added" | "changed" | "deleted") => regs.reduce((n, r) => n + r.articles[k].length, 0);
    const independent = compare(join(from, "zh"), join(to, "zh"));
    const rows: Array<[string, string | number, string | number]> = [
      ["", "sync", "independent comparison"],
      ["first sync (2023-04-28): regulations zh / en", `${first.counts.zh} / ${first.counts.en}`, ""],
      ["first sync: time s / peak RSS MB", `${(first.ms / 1000).toFixed(1)} / ${rss1.toFixed(0)}`, ""],
      ["second sync (2024-10-11): regulations zh / en", `${second.counts.zh} / ${second.counts.en}`, ""],
      ["second sync: time s / peak RSS MB", `${(second.ms / 1000).toFixed(1)} / ${rss2.toFixed(0)}`, ""],
      ["regulations with a change", regs.length, ""],
      ["added", kinds("added"), independent.added],
      ["removed", kinds("removed"), independent.removed],
      ["repealed", kinds("repealed"), independent.repealed],
      ["renamed", kinds("renamed"), independent.renamed],
      ["amended (articles added, changed or deleted)", kinds("amended"), independent.amendedArticles],
      ["  … counting entries not numbered 第 N 條 too (點, 附表)", "", independent.amended],
      ["files that differ at all (dates, categories ...)", "", independent.filesDiffer],
      ["articles added", articles("added"), ""],
      ["articles changed", articles("changed"), ""],
      ["articles deleted", articles("deleted"), ""],
      ["problems (files skipped)", `${first.problems.length} / ${second.problems.length}`, ""],
    ];
    for (const [label, a, b] of rows) process.stdout.write(`${label.padEnd(50)} ${String(a).padStart(14)} ${String(b).padStart(24)}\n`);
    for (const pcode of ["J0080052", "K0010162", "I0050021"]) {
      const r = regs.find((x) => x.pcode === pcode);
      process.stdout.write(`${pcode}: ${r ? `${r.kinds.join("+")} ${JSON.stringify(r.articles)}` : "no change"}\n`);
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** File-by-file comparison of two zh/ folders, written apart from the sync code. */
function compare(a: string, b: string) {
  const read = (dir: string) => new Map(readdirSync(dir).map((n) => [n.replace(/\.json$/, ""), join(dir, n)]));
  const before = read(a);
  const after = read(b);
  const load = (path: string) => JSON.parse(readFileSync(path, "utf8").replace(/^\uFEFF/, "")) as Record<string, unknown>;
  const norm = (t: unknown) =>
    String(t ?? "")
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean)
      .join("\n");
  const articles = (f: Record<string, unknown>, numbered = false) =>
    JSON.stringify(
      (f.法規內容 as Array<Record<string, string>>)
        .filter((e) => e.條號 && (!numbered || /^第\s*\d+(\s*-\s*\d+)?\s*條/.test(e.條號.trim())))
        .map((e) => [e.條號?.replace(/\s+/g, ""), norm(e.條文內容)])
        .sort(),
    );
  let added = 0;
  let removed = 0;
  let repealed = 0;
  let renamed = 0;
  let amended = 0;
  let amendedArticles = 0;
  let filesDiffer = 0;
  for (const pcode of after.keys()) if (!before.has(pcode)) added++;
  for (const pcode of before.keys()) if (!after.has(pcode)) removed++;
  for (const [pcode, path] of after) {
    const oldPath = before.get(pcode);
    if (!oldPath) continue;
    const rawOld = readFileSync(oldPath, "utf8");
    const rawNew = readFileSync(path, "utf8");
    if (rawOld === rawNew) continue;
    filesDiffer++;
    const o = JSON.parse(rawOld.replace(/^\uFEFF/, "")) as Record<string, unknown>;
    const n = load(path);
    if (!o.廢止註記 && n.廢止註記) repealed++;
    if (o.法規名稱 !== n.法規名稱) renamed++;
    if (articles(o) !== articles(n)) amended++;
    if (articles(o, true) !== articles(n, true)) amendedArticles++;
  }
  return { added, removed, repealed, renamed, amended, amendedArticles, filesDiffer };
}

main().catch(exitWithError);
