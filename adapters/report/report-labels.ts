import type { AssessmentReport } from "../../bot/index.js";

/** Headings of the report files, in the report's language. */
export function reportLabels(report: AssessmentReport) {
  const en = report.lang === "en";
  return {
    sheetTable: en ? "Assessment" : "自評結果",
    sheetSummary: en ? "Summary" : "摘要",
    sheetGaps: en ? "Gaps" : "待改善事項",
    title: `${report.label}`,
    meta: en
      ? `Code ${report.assessmentId} · checklist version ${report.checklistVersion} · ${report.status} · generated ${report.generatedAt}`
      : `自評代碼 ${report.assessmentId}・查核表版本 ${report.checklistVersion}・${report.status === "completed" ? "已完成" : "進行中"}・產製時間 ${report.generatedAt}`,
    chain: report.chainHead
      ? en
        ? `Answer log hash chain: record #${report.chainHead.seq}, sha256 ${report.chainHead.hash} (check with npm run cli -- verify-log)`
        : `答案紀錄雜湊鏈：第 ${report.chainHead.seq} 筆，sha256 ${report.chainHead.hash}（以 npm run cli -- verify-log 驗證）`
      : "",
    summaryHeader: en ? ["Section", "Yes", "No", "N/A", "Open", "Total"] : ["區塊", "是", "否", "不適用", "未作答", "合計"],
    total: en ? "Total" : "合計",
    gapsHeader: en ? ["Item", "Question", "Note", "Remediation", "Regulatory reference"] : ["查核項目", "查核內容", "說明", "改善建議", "主管機關文件對應"],
    noGaps: en ? "No item was answered No." : "沒有答「否」的項目。",
    source: en ? "Regulation texts: Laws & Regulations Database of the R.O.C. (Taiwan), Ministry of Justice" : "法規條文資料來源：法務部全國法規資料庫",
  };
}

/** The six ministry columns of one row, in order. */
export function tableCells(row: AssessmentReport["rows"][number]): string[] {
  return [row.item, row.question, row.resultLabel, row.evidence, row.guidance, row.clauses];
}

export function summaryRows(report: AssessmentReport): Array<Array<string | number>> {
  const labels = reportLabels(report);
  const c = report.summary.counts;
  return [
    ...report.summary.bySection.map((s) => [s.section, s.yes, s.no, s.na, s.open, s.total]),
    [labels.total, c.yes, c.no, c.na, c.open, c.yes + c.no + c.na + c.open],
  ];
}

export function gapRows(report: AssessmentReport): string[][] {
  return report.gaps.map((g) => [`${g.itemId} ${g.item}`, g.question, g.note, g.remediation, g.clauses]);
}
