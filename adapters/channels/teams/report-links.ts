import { createHash, randomBytes } from "node:crypto";
import type { Request, Response } from "express";
import type { Engine, Logger } from "../../../bot/index.js";
import type { Lang } from "../../../knowledge/index.js";
import { renderReport } from "../../report/write-report.js";
import { createMemoryLinkStore, type ReportLinkStore } from "../../store/report-link-store.js";

/** Who asked for a report, so the download checks access again with the same rule as the engine. */
export interface ReportTarget {
  assessmentId: string;
  lang: Lang;
  userId: string;
  teamId: string;
}

export interface ReportLinks {
  readonly ttlMinutes: number;
  /** A new unguessable link id for the target. */
  create(target: ReportTarget): Promise<string>;
  /** GET /api/teams/reports/:token — the xlsx, built fresh from the answer log. */
  handle(req: Request, res: Response): Promise<void>;
}

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * Download links for reports. Teams bots cannot attach a file to a channel message without
 * Graph/SharePoint, and the personal-chat file consent flow needs OneDrive, so the bot
 * serves the xlsx itself behind a 256-bit random token that expires. Links are kept in the
 * answer log (only the token's sha256), so a link made by one replica opens on every other
 * and survives a restart.
 */
export function createReportLinks(options: { engine: Engine; logger: Logger; store?: ReportLinkStore; ttlMinutes?: number; now?: () => number }): ReportLinks {
  const ttlMinutes = options.ttlMinutes ?? 60;
  const now = options.now ?? Date.now;
  const store = options.store ?? createMemoryLinkStore();
  const hashOf = (token: string) => createHash("sha256").update(token).digest("hex");

  return {
    ttlMinutes,
    async create(target) {
      const token = randomBytes(32).toString("base64url");
      await store.saveReportLink({ tokenHash: hashOf(token), ...target, expiresAt: now() + ttlMinutes * 60_000 });
      return token;
    },
    async handle(req, res) {
      const token = String(req.params.token ?? "");
      res.set({ "cache-control": "no-store", "referrer-policy": "no-referrer" });
      const link = await store.reportLink(hashOf(token), now()).catch((error: unknown) => {
        options.logger.error({ err: (error as Error).message }, "report link lookup failed");
        return undefined;
      });
      if (!link) {
        res.status(404).type("text/plain; charset=utf-8").send("This report link is unknown or has expired. Type 報告 (report) in Teams for a new one.");
        return;
      }
      try {
        // The engine applies the sharing rule again; the link keeps the team (teamId) it was made for.
        const viewer = { channel: "teams" as const, userId: link.userId, ...(link.teamId ? { teamId: link.teamId } : {}) };
        const report = await options.engine.report(link.assessmentId, link.lang, viewer);
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
