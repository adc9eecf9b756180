import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join, resolve } from "node:path";
import JSZip from "jszip";

const ROOT = resolve(import.meta.dirname, "../..");
/** The whole national database on two dates (../shared/corpus/moj-full). */
export const ARCHIVES = {
  "2023-04-28": resolve(ROOT, "../shared/corpus/moj-full/moj-20230428.tar.xz"),
  "2024-10-11": resolve(ROOT, "../shared/corpus/moj-full/moj-20241011.tar.xz"),
} as const;

/** Extracts only the named files (zh/PCODE.json, en/PCODE.json) of an archive into `dir` (one pass, ~2 s). */
export function extractSubset(archive: string, dir: string, names: string[]): void {
  execFileSync("tar", ["-xJf", archive, "-C", dir, ...names]);
}

type Json = Record<string, unknown>;

/** The split files of a folder as the service's four bulk collections (field names per ../shared/corpus/README.md). */
export function bulkCollections(dir: string, updateDate: string): Record<"ChLaw" | "ChOrder" | "EngLaw" | "EngOrder", Json> {
  const out = { ChLaw: [] as Json[], ChOrder: [] as Json[], EngLaw: [] as Json[], EngOrder: [] as Json[] };
  for (const lang of ["zh", "en"] as const) {
    let names: string[] = [];
    try {
      names = readdirSync(join(dir, lang));
    } catch {
      continue;
    }
    for (const name of names.sort()) {
      const f = JSON.parse(readFileSync(join(dir, lang, name), "utf8").replace(/^\uFEFF/, "")) as Json;
      const law: Json = {
        LawLevel: f.法規性質,
        LawName: lang === "zh" ? f.法規名稱 : f.中文法規名稱,
        ...(lang === "en" ? { EngLawName: f.英文法規名稱, EngLawModifiedDate: f.最新英文異動日期 } : {}),
        LawURL: f.法規網址,
        LawCategory: f.法規類別 ?? "",
        // The service writes dates as numbers in places: exercise that.
        LawModifiedDate: lang === "zh" ? Number(f.最新異動日期) : "",
        LawEffectiveDate: f.生效日期 ?? "",
        LawEffectiveNote: f.生效內容 ?? "",
        LawAbandonNote: f.廢止註記 ?? "",
        LawHasEngVersion: f.是否英譯註記 ?? "N",
        LawAttachements: f.附件 ?? [],
        LawHistories: f.沿革內容 ?? "",
        LawArticles: (f.法規內容 as Json[]).map((e) =>
          "編章節" in e ? { ArticleType: "C", ArticleNo: "", ArticleContent: e.編章節 } : { ArticleType: "A", ArticleNo: e.條號, ArticleContent: e.條文內容 },
        ),
      };
      const key = `${lang === "zh" ? "Ch" : "Eng"}${f.法規性質 === "法律" ? "Law" : "Order"}` as keyof typeof out;
      out[key].push(law);
    }
  }
  const wrap = (laws: Json[]) => ({ UpdateDate: `${updateDate.replaceAll("-", "/")} 00:00:00`, Laws: laws });
  return { ChLaw: wrap(out.ChLaw), ChOrder: wrap(out.ChOrder), EngLaw: wrap(out.EngLaw), EngOrder: wrap(out.EngOrder) };
}

/** One collection as the service serves it: a ZIP holding NAME.json (with a byte-order mark). */
export async function zipCollection(name: string, json: Json): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(`${name}.json`, `\uFEFF${JSON.stringify(json)}`);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/** A local stand-in for the open-data service: `routes` maps a path (api/Ch/Law/JSON) to the bytes or status to serve. */
export async function startOpenDataServer(routes: Map<string, Buffer | number>): Promise<{ url: string; server: Server; requests: string[] }> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    const path = (req.url ?? "/").replace(/^\//, "");
    requests.push(path);
    const body = routes.get(path);
    if (body === undefined || typeof body === "number") {
      res.writeHead(typeof body === "number" ? body : 404).end();
      return;
    }
    res.writeHead(200, { "content-type": "application/zip", "content-length": body.length }).end(body);
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server, requests };
}
