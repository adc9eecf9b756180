import type { Logger, Viewer } from "../../../bot/index.js";
import type { Lang } from "../../../knowledge/index.js";
import { renderReport } from "../../report/write-report.js";
import { escapeText } from "./blocks/mrkdwn.js";
import type { SlackHandlerDeps } from "./handler-deps.js";
import { type Destination, isDmChannel } from "./places.js";
import { slackTexts } from "./texts.js";

interface ReportRequest {
  assessmentId: string;
  label: string;
  /** Who asked: the engine decides whether they may see the report. */
  viewer: Viewer;
  lang: Lang;
  /** Where the user asked; told there when the file went to the DM instead. */
  destination: Destination;
}

/**
 * Delivers an assessment report as an xlsx file to the user's DM (files.uploadV2: get an
 * upload URL, upload, complete). Always the DM: the report may hold evidence notes that
 * the channel should not see.
 */
export async function deliverReport(rt: SlackHandlerDeps, request: ReportRequest, log: Logger): Promise<void> {
  const t = slackTexts(request.lang);
  const report = await rt.engine.report(request.assessmentId, request.lang, request.viewer);
  if (!report) {
    await rt.poster.send(request.destination, { text: t.reportMissing });
    return;
  }
  const started = performance.now();
  const file = await renderReport(report, "xlsx");
  const dm = await rt.dms.open(request.viewer.userId);
  const filename = `compliance-report-${report.assessmentId}-${report.generatedAt.slice(0, 10)}.xlsx`;
  await rt.client.files.uploadV2({ channel_id: dm, file, filename, title: request.label, initial_comment: t.reportUploaded(request.label) });
  log.info({ assessment: report.assessmentId, bytes: file.length, ms: Math.round(performance.now() - started) }, "slack report uploaded");
  const inDm =
    request.destination.kind === "post"
      ? request.destination.place.channel === dm
      : isDmChannel(request.destination.channel) && request.destination.channel === dm;
  if (!inDm)
    await rt.poster.send(request.destination, {
      text: t.reportSentToDm,
      blocks: [{ type: "section", text: { type: "mrkdwn", text: escapeText(t.reportSentToDm) } }],
    });
}
