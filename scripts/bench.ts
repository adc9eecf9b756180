import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { exitWithError } from "../adapters/channels/cli/cli-errors.js";
import { tempFolder } from "../adapters/channels/cli/temp-folder.js";
import { loadConfig, loadDotEnv, PROJECT_ROOT } from "../adapters/config.js";
import { createLogger } from "../adapters/logger.js";
import { createRuntime, type PipelineName } from "../adapters/runtime.js";
import { percentile } from "./eval-set.js";

/**
 * Prints ingest time, index size, cold start and answer latency for the real corpus and
 * for a synthetic corpus scaled to 100,000 clauses, side by side, with the textbook RAG
 * pipeline as the latency baseline. Numbers only: nothing here passes or fails.
 */
const QUESTIONS = [
  "委外物流要怎麼監督？",
  "個資外洩要在幾小時內通報？",
  "客人要求刪除帳號和個資，我們要怎麼處理？",
  "會員資料可以拿去做行銷嗎？",
  "網購七天鑑賞期可以退貨嗎？",
  "員工離職時個資要怎麼處理？",
  "把資料庫搬到國外雲端要注意什麼？",
  "個資法第27條",
  "施行細則第12條第2項",
  "What must a business do after a personal data breach?",
  "Can customers cancel an online purchase within seven days?",
  "PDPA Article 20",
  "How long must security maintenance records be kept?",
  "定型化契約的審閱期間是多久？",
  "違反個資法的罰鍰是多少？",
];

const TARGET_CLAUSES = 100_000;
const DEFAULT_NATIONAL = join(PROJECT_ROOT, "../shared/corpus/moj-full/moj-20241011.tar.xz");

interface Row {
  ingestMs: number;
  ingestRss: number;
  indexBytes: number;
  coldStartMs: number;
  servingRss: number;
  p50: number;
  p95: number;
  /** CPU time per answer (user + system): what the answer costs, whatever else the machine runs. */
  cpuP50: number;
  cpuP95: number;
  /** CPU time of the build (the wall-clock ingest time grows with the machine's load). */
  ingestCpuMs: number;
  clauses: number;
}

type Phase = "build" | "serve";

/**
 * One phase of one row, in a process of its own so that its peak RSS is its own: `build`
 * ingests into indexDir; `serve` opens it (cold start + first answer) and answers the
 * questions five times.
 */
async function runPhase(phase: Phase, corpusDirs: string[], indexDir: string, pipeline: PipelineName): Promise<Partial<Row>> {
  loadDotEnv();
  const config = loadConfig();
  const logger = createLogger("silent");
  let started = performance.now();
  if (phase === "build") {
    const cpu = process.cpuUsage();
    const built = await createRuntime(config, { logger, corpusDirs, indexDir, pipeline });
    const used = process.cpuUsage(cpu);
    return {
      ingestMs: performance.now() - started,
      ingestCpuMs: (used.user + used.system) / 1000,
      ingestRss: process.resourceUsage().maxRSS * 1024,
      indexBytes: folderSize(indexDir),
      clauses: built.index.manifest.counts.clauses,
    };
  }
  started = performance.now();
  const runtime = await createRuntime(config, { logger, corpusDirs, indexDir, pipeline });
  await runtime.assistant.ask(QUESTIONS[0] as string);
  const coldStartMs = performance.now() - started;
  const times: number[] = [];
  const cpuTimes: number[] = [];
  for (let round = 0; round < 5; round++) {
    for (const question of QUESTIONS) {
      const t = performance.now();
      const cpu = process.cpuUsage();
      await runtime.assistant.ask(question);
      const used = process.cpuUsage(cpu);
      cpuTimes.push((used.user + used.system) / 1000);
      times.push(performance.now() - t);
    }
  }
  times.sort((a, b) => a - b);
  cpuTimes.sort((a, b) => a - b);
  return {
    coldStartMs,
    servingRss: process.resourceUsage().maxRSS * 1024,
    p50: percentile(times, 0.5),
    p95: percentile(times, 0.95),
    cpuP50: percentile(cpuTimes, 0.5),
    cpuP95: percentile(cpuTimes, 0.95),
  };
}

/** Runs a phase in a child process (same loader) and returns what it measured. */
function inChild(phase: Phase, corpusDirs: string[], indexDir: string, pipeline: PipelineName): Partial<Row> {
  const args = ["scripts/bench.ts", "--phase", phase, "--index", indexDir, "--pipeline", pipeline, ...corpusDirs.flatMap((d) => ["--corpus", d])];
  const result = spawnSync(process.execPath, [...process.execArgv, ...args], { encoding: "utf8", maxBuffer: 1 << 24, stdio: ["ignore", "pipe", "inherit"] });
  const last = result.stdout.trim().split("\n").at(-1) ?? "";
  if (result.status !== 0 || !last.startsWith("{")) throw new Error(`bench ${phase} failed (exit ${result.status}): ${result.stdout.slice(-500)}`);
  return JSON.parse(last) as Partial<Row>;
}

async function measure(corpusDirs: string[], pipeline: PipelineName): Promise<Row> {
  const folder = tempFolder("bench-index-");
  try {
    const indexDir = join(folder.path, "index");
    return { ...inChild("build", corpusDirs, indexDir, pipeline), ...inChild("serve", corpusDirs, indexDir, pipeline) } as Row;
  } finally {
    folder.cleanup();
  }
}

function folderSize(dir: string): number {
  let total = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const stat = statSync(path);
    total += stat.isDirectory() ? folderSize(path) : stat.size;
  }
  return total;
}

/**
 * A synthetic corpus in the ministry's format: regulations whose articles recombine real
 * paragraphs and items (deterministic), until the clause count passes the target.
 */
function writeSyntheticCorpus(source: string, target: string): void {
  const paragraphs: string[] = [];
  for (const name of readdirSync(join(source, "zh"))) {
    const data = JSON.parse(readFileSync(join(source, "zh", name), "utf8").replace(/^\uFEFF/, "")) as { 法規內容: Array<{ 條文內容?: string }> };
    for (const entry of data.法規內容) if (entry.條文內容) paragraphs.push(...entry.條文內容.split("\r\n").filter((line) => line.trim() !== ""));
  }
  const leads = paragraphs.filter((p) => !/^[一二三四五六七八九十]+、/.test(p));
  const items = paragraphs.filter((p) => /^[一二三四五六七八九十]+、/.test(p)).map((p) => p.replace(/^[一二三四五六七八九十]+、/, ""));
  let seed = 42;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)] as T;
  const numerals = ["一", "二", "三", "四", "五"];
  mkdirSync(join(target, "zh"), { recursive: true });
  let clauses = 0;
  for (let law = 1; clauses < TARGET_CLAUSES; law++) {
    const pcode = `Z${String(law).padStart(7, "0")}`;
    const articles = [];
    for (let article = 1; article <= 40; article++) {
      const lines = [pick(leads)];
      const itemCount = random() < 0.4 ? 2 + Math.floor(random() * 4) : 0;
      for (let i = 0; i < itemCount; i++) lines.push(`${numerals[i]}、${pick(items)}`);
      if (random() < 0.3) lines.push(pick(leads));
      clauses += 1 + lines.length;
      articles.push({ 條號: `第 ${article} 條`, 條文內容: lines.join("\r\n") });
    }
    const file = {
      法規性質: "命令",
      法規名稱: `合成測試第${law}號個人資料檔案安全維護管理辦法`,
      法規網址: `https://law.moj.gov.tw/LawClass/LawAll.aspx?pcode=${pcode}`,
      最新異動日期: "20240101",
      法規內容: articles,
    };
    writeFileSync(join(target, "zh", `${pcode}.json`), JSON.stringify(file));
  }
}

function format(row: Row | undefined, key: keyof Row): string {
  if (!row) return "-";
  const value = row[key];
  if (key === "indexBytes") return `${(value / 1024 / 1024).toFixed(1)} MB`;
  if (key === "ingestRss" || key === "servingRss") return `${(value / 1024 ** 3).toFixed(2)} GB`;
  if (key === "clauses") return String(value);
  if (key === "ingestMs" || key === "coldStartMs" || key === "ingestCpuMs") return `${(value / 1000).toFixed(1)} s`;
  return `${value.toFixed(2)} ms`;
}

/** The national snapshot as a folder: given as one, or unpacked from the archive into a temp folder. */
function nationalCorpus(source: string): { dir: string; cleanup: () => void } {
  if (statSync(source).isDirectory()) return { dir: source, cleanup: () => {} };
  const folder = tempFolder("bench-national-");
  const untar = spawnSync("tar", ["-xJf", source, "-C", folder.path], { stdio: "inherit" });
  if (untar.status !== 0) throw new Error(`cannot unpack ${source}`);
  const inner = readdirSync(folder.path);
  const dir = inner.includes("zh") ? folder.path : join(folder.path, inner[0] ?? "");
  return { dir, cleanup: folder.cleanup };
}

const USAGE = `Usage: npm run bench [-- --quick] [-- --national DIR|ARCHIVE.tar.xz]
  --quick     skip the national row (minutes) for a quick run
  --national  the whole database (default ${DEFAULT_NATIONAL})`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      phase: { type: "string" },
      index: { type: "string" },
      pipeline: { type: "string", default: "hybrid" },
      corpus: { type: "string", multiple: true },
      quick: { type: "boolean", default: false },
      national: { type: "string", default: DEFAULT_NATIONAL },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (values.phase) {
    const row = await runPhase(values.phase as Phase, values.corpus ?? [], values.index ?? "", values.pipeline as PipelineName);
    process.stdout.write(`${JSON.stringify(row)}\n`);
    return;
  }
  loadDotEnv();
  const config = loadConfig();
  const corpus = config.regulationDirs;
  if (corpus.length === 0) throw new Error("No regulation files: set REGULATIONS_DIR.");
  process.stderr.write("bench: real corpus, hybrid...\n");
  const real = await measure(corpus, "hybrid");
  process.stderr.write("bench: real corpus, naive baseline...\n");
  const naive = await measure(corpus, "naive");
  const synthetic = tempFolder("bench-corpus-");
  let national: Row | undefined;
  try {
    writeSyntheticCorpus(corpus[0] as string, synthetic.path);
    process.stderr.write("bench: synthetic corpus of 100,000+ clauses, hybrid...\n");
    const scaled = await measure([...corpus, synthetic.path], "hybrid");
    if (!values.quick) {
      const whole = nationalCorpus(resolve(values.national));
      try {
        process.stderr.write(`bench: the national database (${whole.dir}), hybrid... (minutes; --quick skips it)\n`);
        national = await measure([whole.dir], "hybrid");
      } finally {
        whole.cleanup();
      }
    }
    const columns: Array<[string, Row | undefined]> = [
      ["8 regulations (hybrid)", real],
      ["8 regs (naive RAG)", naive],
      ["synthetic 100k (hybrid)", scaled],
      ["national 2024-10-11", national],
    ];
    const keys: Array<[keyof Row, string]> = [
      ["clauses", "clauses"],
      ["ingestMs", "ingest (build)"],
      ["ingestCpuMs", "ingest CPU time"],
      ["ingestRss", "peak RSS, ingest"],
      ["indexBytes", "index size on disk"],
      ["coldStartMs", "cold start + 1st answer"],
      ["servingRss", "peak RSS, serving"],
      ["p50", "answer latency p50"],
      ["p95", "answer latency p95"],
      ["cpuP50", "answer CPU time p50"],
      ["cpuP95", "answer CPU time p95"],
    ];
    const width = 26;
    const lines = [`${"".padEnd(26)}${columns.map(([name]) => name.padStart(width)).join("")}`];
    for (const [key, label] of keys) lines.push(`${label.padEnd(26)}${columns.map(([, row]) => format(row, key).padStart(width)).join("")}`);
    process.stdout.write(`${lines.join("\n")}\n`);
  } finally {
    synthetic.cleanup();
  }
}

main().catch(exitWithError);
