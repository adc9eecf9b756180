import type { Lang } from "../../knowledge/clause.js";
import type { CheckResult } from "../../knowledge/index.js";

/** One row of the ministry-style table. */
export interface ReportRow {
  itemId: string;
  section: string;
  /** 查核項目 */
  item: string;
  /** 查核內容 */
  question: string;
  /** 查核結果: undefined while unanswered. */
  result?: CheckResult;
  resultLabel: string;
  /** 提出佐證證明或說明: the note recorded with the answer and every note added later, with who and when (personal data already masked). */
  evidence: string;
  /** 說明及參考資料 */
  guidance: string;
  /** 主管機關文件對應: clause labels, current law. */
  clauses: string;
  answeredBy: string;
  answeredAt: string;
  /** 法規已變動，請重新確認: the clauses of the answer that a later sync changed, with successors. */
  regulationChanged?: string;
}

export interface ReportGap {
  itemId: string;
  item: string;
  question: string;
  note: string;
  remediation: string;
  clauses: string;
}

/** The result of an assessment as a compliance officer hands it on. */
export interface AssessmentReport {
  assessmentId: string;
  label: string;
  checklistTitle: string;
  checklistVersion: string;
  lang: Lang;
  status: "active" | "paused" | "completed";
  generatedAt: string;
  /** Column headings in the ministry's order, in `lang`. */
  columns: [string, string, string, string, string, string];
  rows: ReportRow[];
  summary: {
    counts: Record<CheckResult | "open", number>;
    bySection: Array<{ section: string; yes: number; no: number; na: number; open: number; total: number }>;
  };
  /** Every 否 item with its remediation and clauses. */
  gaps: ReportGap[];
  /** The answer log's hash-chain head when the report was built (`npm run cli -- verify-log` checks it). */
  chainHead?: { seq: number; hash: string };
}
