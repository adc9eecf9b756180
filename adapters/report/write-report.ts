import ExcelJS from "exceljs";
import type { AssessmentReport } from "../../bot/index.js";
import { gapRows, reportLabels, summaryRows, tableCells } from "./report-labels.js";
import { markdownCell, safeCell, safeRow } from "./safe-cell.js";

export type ReportFormat = "xlsx" | "csv" | "md";

export const REPORT_FORMATS: ReportFormat[] = ["xlsx", "csv", "md"];

/** Renders a report as a file body in the requested format. */
export async function renderReport(report: AssessmentReport, format: ReportFormat): Promise<Buffer> {
  if (format === "xlsx") return reportToXlsx(report);
  return Buffer.from(format === "csv" ? reportToCsv(report) : reportToMarkdown(report), "utf8");
}

/** Three sheets: the ministry table, the summary, the gap list. Opens in Excel and LibreOffice. */
export async function reportToXlsx(report: AssessmentReport): Promise<Buffer> {
  const labels = reportLabels(report);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "compliance-assistant";
  workbook.created = new Date(report.generatedAt);

  const table = workbook.addWorksheet(labels.sheetTable, { views: [{ state: "frozen", ySplit: 4 }] });
  table.columns = [14, 40, 10, 36, 48, 36].map((width) => ({ width }));
  table.addRow(safeRow([labels.title])).font = { bold: true, size: 14 };
  table.addRow(safeRow([labels.meta]));
  table.addRow(labels.chain ? safeRow([labels.chain]) : []);
  const header = table.addRow([...report.columns]);
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE8EEF7" } };
    cell.border = { bottom: { style: "thin" } };
  });
  for (const row of report.rows) {
    const added = table.addRow(safeRow(tableCells(row)));
    added.alignment = { wrapText: true, vertical: "top" };
    if (row.result === "no") added.getCell(3).font = { bold: true, color: { argb: "FFC00000" } };
  }
  table.addRow([]);
  table.addRow([labels.source]).font = { italic: true, size: 9 };

  const summary = workbook.addWorksheet(labels.sheetSummary);
  summary.columns = [36, 8, 8, 8, 8, 8].map((width) => ({ width }));
  summary.addRow(safeRow([labels.title])).font = { bold: true, size: 14 };
  summary.addRow(safeRow([labels.meta]));
  summary.addRow([]);
  summary.addRow(labels.summaryHeader).font = { bold: true };
  for (const row of summaryRows(report)) summary.addRow(safeRow(row));
  if (summary.lastRow) summary.lastRow.font = { bold: true };

  const gaps = workbook.addWorksheet(labels.sheetGaps);
  gaps.columns = [24, 40, 30, 48, 36].map((width) => ({ width }));
  gaps.addRow(labels.gapsHeader).font = { bold: true };
  const rows = gapRows(report);
  if (rows.length === 0) gaps.addRow([labels.noGaps]);
  for (const row of rows) gaps.addRow(safeRow(row)).alignment = { wrapText: true, vertical: "top" };

  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** CSV in UTF-8 with a byte-order mark (so Excel shows Chinese correctly), CRLF line ends. */
export function reportToCsv(report: AssessmentReport): string {
  const labels = reportLabels(report);
  const lines = [
    [labels.title],
    [labels.meta],
    ...(labels.chain ? [[labels.chain]] : []),
    [],
    [...report.columns],
    ...report.rows.map(tableCells),
    [],
    labels.summaryHeader,
    ...summaryRows(report).map((r) => r.map(String)),
    [],
    labels.gapsHeader,
    ...gapRows(report),
  ];
  return `\uFEFF${lines.map((cells) => cells.map(csvCell).join(",")).join("\r\n")}\r\n`;
}

/** RFC 4180 quoting, after the formula prefix is neutralised. */
function csvCell(raw: string): string {
  const value = String(safeCell(raw));
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function reportToMarkdown(report: AssessmentReport): string {
  const labels = reportLabels(report);
  const row = (cells: Array<string | number>) => `| ${cells.map(markdownCell).join(" | ")} |`;
  const table = (header: string[], rows: Array<Array<string | number>>) =>
    [row(header), `|${header.map(() => " --- ").join("|")}|`, ...rows.map(row)].join("\n");
  const gaps = gapRows(report);
  return [
    `# ${markdownCell(labels.title)}`,
    markdownCell(labels.meta),
    ...(labels.chain ? [markdownCell(labels.chain)] : []),
    `## ${labels.sheetTable}`,
    table([...report.columns], report.rows.map(tableCells)),
    `## ${labels.sheetSummary}`,
    table(labels.summaryHeader, summaryRows(report)),
    `## ${labels.sheetGaps}`,
    gaps.length > 0 ? table(labels.gapsHeader, gaps) : labels.noGaps,
    `_${labels.source}_`,
    "",
  ].join("\n\n");
}
