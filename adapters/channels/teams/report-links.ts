import { randomBytes } from "node:crypto";
import type { Request, Response } from "express";
import { LRUCache } from "lru-cache";
import type { Engine, Logger, Viewer } from "../../../bot/index.js";
import type { Lang } from "../../../knowledge/index.js";
import { renderReport } from "../../report/write-report.js";

/** Who asked for a report, so the download asks the engine again whether they may see it. */
interface ReportTarget {
  assessmentId: string;
  lang: Lang;
  viewer: Viewer;
}

export interface ReportLinks {
  readonly ttlMinutes: number;
  /** A new unguessable link id for the target. */
  create(target: ReportTarget): string;
  /** GET /api/teams/reports/:token — the xlsx, built fresh from the answer log. */
  handle(req: Request, res: Response): Promise<void>;
}

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const MAX_LINKS = 5_000;

/**
 * Download links for reports. Teams bots cannot attach a file to a channel message without
 * Graph/SharePoint, and the personal-chat file consent flow needs OneDrive, so the bot
 * serves the xlsx itself behind a 256-bit random token that expires. Links live in memory:
 * after a restart the user types 報告 again.
 */
export function createReportLinks(options: { engine: Engine; logger: Logger; ttlMinutes?: number }): ReportLinks {
  const ttlMinutes = options.ttlMinutes ?? 60;
  // lru-cache instead of a hand-written map with pruning: expiry per entry, and the oldest
  // links go first once MAX_LINKS are live.
  const links = new LRUCache<string, ReportTarget>({ max: MAX_LINKS, ttl: ttlMinutes * 60_000 });

  return {
    ttlMinutes,
    create(target) {
      const token = randomBytes(32).toString("base64url");
      links.set(token, target);
      return token;
    },
    async handle(req, res) {
      const token = String(req.params.token ?? "");
      const link = links.get(token);
      res.set({ "cache-control": "no-store", "referrer-policy": "no-referrer" });
      if (!link) {
        res.status(404).type("text/plain; charset=utf-8").send("This report link is unknown or has expired. Type 報告 (report) in Teams for a new one.");
        return;
      }
      try {
        const report = await options.engine.report(link.assessmentId, link.lang, link.viewer);
        if (!report) {
          res.status(404).type("text/plain; charset=utf-8").send("This assessment is no longer available.");
          return;
        }
        const body = await renderReport(report, "xlsx");
        const name = `self-assessment-${report.assessmentId}.xlsx`;
        res
          .status(200)
          .set({ "content-type": XLSX, "content-disposition": `attachment; filename="${name}"` })
          .send(body);
        options.logger.info({ assessment: report.assessmentId, bytes: body.length }, "report downloaded");
      } catch (error) {
        options.logger.error({ assessment: link.assessmentId, err: (error as Error).message }, "report download failed");
        res.status(500).type("text/plain; charset=utf-8").send("The report could not be generated. Please try again later.");
      }
    },
  };
}
