import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import JSZip from "jszip";
import { AppError, ErrorCodes, type Lang } from "../../knowledge/index.js";
import { asBulkCollection, collectionLang, toSplitFile } from "./bulk-format.js";

/** One regulation file of a snapshot, by its place in a corpus folder (zh/PCODE.json). */
export interface SnapshotFile {
  rel: string;
  read(): string;
}

export interface Snapshot {
  /** Where it came from (URL, file or folder), for the log and the version record. */
  source: string;
  /** UpdateDate of the bulk collections (ISO), when the source says. */
  updateDate?: string;
  files: SnapshotFile[];
  collections: Array<{ name: string; lang: Lang; laws: number }>;
  problems: string[];
}

/**
 * The collections the open-data service publishes, each a ZIP holding one JSON (relative to
 * MOJ_OPEN_DATA_URL). The paths are the ones public consumers of the service download
 * (https://law.moj.gov.tw/api/Ch/Law/JSON …, no key); this workplace has no network to call
 * the live service, so tests serve the same layout from 127.0.0.1.
 */
export const OPEN_DATA_COLLECTIONS = [
  { name: "ChLaw", path: "api/Ch/Law/JSON" },
  { name: "ChOrder", path: "api/Ch/Order/JSON" },
  { name: "EngLaw", path: "api/En/Law/JSON" },
  { name: "EngOrder", path: "api/En/Order/JSON" },
] as const;

const reject = (message: string, hint?: string) => new AppError(ErrorCodes.SYNC_REJECTED, message, hint ? { hint } : {});

/** Downloads every collection from the service's base URL; any failure rejects the whole sync. */
export async function readOpenData(baseUrl: string, timeoutMs = 600_000): Promise<Snapshot> {
  const base = baseUrl.endsWith("/") ? baseUrl : `${baseUrl}/`;
  const snapshot = emptySnapshot(base);
  for (const collection of OPEN_DATA_COLLECTIONS) {
    const url = new URL(collection.path, base).toString();
    addBulkFiles(snapshot, collection.name, await unzipJson(await download(url, timeoutMs), url));
  }
  return finish(snapshot);
}

/** A single downloaded bulk file (.zip or .json) at a URL other than the service's layout. */
export async function readUrl(url: string, timeoutMs = 600_000): Promise<Snapshot> {
  const snapshot = emptySnapshot(url);
  const bytes = await download(url, timeoutMs);
  const entries = isZip(bytes) ? await unzipJson(bytes, url) : [{ name: basename(new URL(url).pathname), text: bytes.toString("utf8") }];
  addBulkFiles(snapshot, basename(new URL(url).pathname), entries);
  return finish(snapshot);
}

/** A file (bulk .zip / .json, or one split PCODE.json) or a folder (split zh/, en/ or bulk files). */
export async function readPath(path: string): Promise<Snapshot> {
  const snapshot = emptySnapshot(path);
  let isDir: boolean;
  try {
    isDir = statSync(path).isDirectory();
  } catch {
    throw reject(`Sync source ${path} does not exist.`, "Pass --source with a URL, a downloaded ChLaw.zip / .json, or a folder with zh/PCODE.json files.");
  }
  const paths = isDir ? listFolder(path) : [path];
  for (const file of paths) {
    // Files under zh/ or en/ are split files named by their PCODE: no need to parse them twice.
    const split = /[\\/](zh|en)[\\/]([^\\/]+)\.json$/i.exec(file);
    if (split?.[1] && split[2]) {
      snapshot.files.push({ rel: `${split[1].toLowerCase()}/${split[2]}.json`, read: () => readFileSync(file, "utf8") });
      continue;
    }
    const bytes = readFileSync(file);
    if (isZip(bytes)) {
      addBulkFiles(snapshot, basename(file), await unzipJson(bytes, file));
      continue;
    }
    const raw = bytes.toString("utf8");
    const json = parseJson(raw, file);
    if (asBulkCollection(json)) {
      addBulkFiles(snapshot, basename(file), [{ name: basename(file), text: raw }], json);
      continue;
    }
    const lang: Lang = /[\\/]en[\\/][^\\/]+$/.test(file) || (json as Record<string, unknown>)?.英文法規名稱 ? "en" : "zh";
    const pcode = pcodeOfSplit(json) ?? basename(file, ".json");
    snapshot.files.push({ rel: `${lang}/${pcode}.json`, read: () => readFileSync(file, "utf8") });
  }
  return finish(snapshot);
}

function listFolder(dir: string): string[] {
  const found: string[] = [];
  for (const folder of [dir, join(dir, "zh"), join(dir, "en")]) {
    let names: string[] = [];
    try {
      names = readdirSync(folder);
    } catch {
      continue;
    }
    for (const name of names.sort()) if (/\.(json|zip)$/i.test(name)) found.push(join(folder, name));
  }
  return found;
}

function emptySnapshot(source: string): Snapshot {
  return { source, files: [], collections: [], problems: [] };
}

function finish(snapshot: Snapshot): Snapshot {
  if (snapshot.files.length === 0) throw reject(`Sync source ${snapshot.source} holds no regulation.`);
  return snapshot;
}

async function download(url: string, timeoutMs: number): Promise<Buffer> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    throw reject(`Download of ${url} failed: ${(error as Error).message}`, "Check MOJ_OPEN_DATA_URL and the network; the current corpus is unchanged.");
  }
  if (!response.ok) throw reject(`Download of ${url} failed: HTTP ${response.status}`, "The current corpus is unchanged; try again later.");
  let bytes: Buffer;
  try {
    bytes = Buffer.from(await response.arrayBuffer());
  } catch (error) {
    throw reject(`Download of ${url} broke off: ${(error as Error).message}`);
  }
  const expected = Number(response.headers.get("content-length") ?? Number.NaN);
  if (Number.isFinite(expected) && expected !== bytes.length) throw reject(`Download of ${url} is incomplete: ${bytes.length} of ${expected} bytes.`);
  return bytes;
}

function isZip(bytes: Buffer): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b;
}

/** Every JSON file inside a ZIP; a truncated or corrupt archive (bad CRC, missing directory) rejects. */
async function unzipJson(bytes: Buffer, where: string): Promise<Array<{ name: string; text: string }>> {
  if (!isZip(bytes)) throw reject(`${where} is not a ZIP archive (${bytes.length} bytes).`);
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
  } catch (error) {
    throw reject(`${where} is not a complete ZIP archive: ${(error as Error).message}`);
  }
  const entries = Object.values(zip.files).filter((f) => !f.dir && /\.json$/i.test(f.name));
  if (entries.length === 0) throw reject(`${where} holds no JSON file.`);
  const out: Array<{ name: string; text: string }> = [];
  for (const entry of entries) {
    try {
      out.push({ name: entry.name, text: await entry.async("string") });
    } catch (error) {
      throw reject(`${where}: ${entry.name} cannot be extracted: ${(error as Error).message}`);
    }
  }
  return out;
}

function parseJson(raw: string, where: string): unknown {
  try {
    return JSON.parse(raw.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw reject(`${where} is not valid JSON: ${(error as Error).message}`);
  }
}

function addBulkFiles(snapshot: Snapshot, name: string, entries: Array<{ name: string; text: string }>, parsed?: unknown): void {
  for (const entry of entries) {
    const collection = asBulkCollection(parsed ?? parseJson(entry.text, `${name}:${entry.name}`));
    if (!collection) throw reject(`${name}:${entry.name} is not an open-data collection (no Laws array).`);
    if (collection.laws.length === 0) throw reject(`${name}:${entry.name} lists no law.`);
    const lang = collectionLang(`${name} ${entry.name}`, collection);
    if (collection.updateDate) {
      const iso = `${collection.updateDate.slice(0, 4)}-${collection.updateDate.slice(4, 6)}-${collection.updateDate.slice(6, 8)}`;
      snapshot.updateDate = snapshot.updateDate && snapshot.updateDate > iso ? snapshot.updateDate : iso;
    }
    snapshot.collections.push({ name: `${name}${entry.name === name ? "" : `:${entry.name}`}`, lang, laws: collection.laws.length });
    for (const law of collection.laws) {
      const split = toSplitFile(law, lang);
      if ("problem" in split) {
        snapshot.problems.push(`${name}: ${split.problem}`);
        continue;
      }
      const text = JSON.stringify(split.json);
      snapshot.files.push({ rel: split.rel, read: () => text });
    }
  }
}

function pcodeOfSplit(json: unknown): string | undefined {
  const url = (json as Record<string, unknown>)?.法規網址;
  if (typeof url !== "string") return undefined;
  try {
    return new URL(url).searchParams.get("pcode") ?? undefined;
  } catch {
    return undefined;
  }
}
