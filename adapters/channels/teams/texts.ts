import type { Lang } from "../../../knowledge/index.js";
import { channelTexts } from "../shared/texts.js";

/** Texts of the Teams cards and messages, Traditional Chinese (Taiwan) first. */
const LABELS = {
  zh: {
    ...channelTexts("zh"),
    notePlaceholder: "佐證說明（選填），例如：已於 2024/3 公告隱私權政策",
    currentAnswer: (result: string, by: string) => `目前答案：${result}（${by}）`,
    itemHeading: (position: number, total: number) => `第 ${position}/${total} 題`,
    recordedHeading: (position: number, total: number, result: string) => `✔ 第 ${position}/${total} 題已記錄：${result}`,
    masked: (kinds: string) => `已遮蔽個人資料：${kinds}`,
    officialText: "官方條文",
    fullText: "顯示全文",
    repealedNow: (labels: string, on: string) => `⚠ 已於 ${on} 廢止，現行規定：${labels}`,
    trimmed: "……（全文較長，請見官方條文）",
    report: "報告",
    share: "分享",
    progress: "進度",
    answered: "已作答",
    counts: "是／否／不適用",
    itemsCount: (n: number) => `${n} 題`,
    team: "團隊共用",
    code: (id: string) => `代碼 ${id}`,
    reportHeading: (label: string) => `查核報告：${label}`,
    download: "下載 Excel 查核表",
    linkValid: (minutes: number) => `下載連結 ${minutes} 分鐘內有效；逾時請再輸入「報告」。`,
    reportUnavailable: "找不到這份自評，或你沒有權限匯出它的報告。",
    welcome: [
      "我可以回答個人資料保護法與相關法規的問題，並附上條文原文、條文日期與全國法規資料庫的連結。",
      "我也能帶你逐題完成自評：每題按「是／否／不適用」作答，可附上佐證說明，完成後匯出 Excel 查核表。",
      "在頻道或群組聊天中，請先 @提及我再提問。",
    ],
    welcomeExamples: "可以這樣問：「委外物流要怎麼監督？」、「個資外洩要在幾小時內通報？」、「個資法第27條」",
    welcomeChecklists: (titles: string) => `目前提供的查核表：${titles}`,
    startAssessment: "開始自評",
    help: "使用說明",
    invalidCard: (requestId: string) => `這個按鈕的內容無法辨識，可能是舊版卡片。請直接輸入指令（例如「繼續」或「說明」）。（請求編號 ${requestId}）`,
    noteTooLong: (max: number) => `佐證說明太長（上限 ${max} 字），請精簡後再送出。`,
    done: "已收到。",
  },
  en: {
    ...channelTexts("en"),
    notePlaceholder: "Evidence note (optional), e.g. privacy policy published March 2024",
    currentAnswer: (result: string, by: string) => `Current answer: ${result} (${by})`,
    itemHeading: (position: number, total: number) => `Item ${position}/${total}`,
    recordedHeading: (position: number, total: number, result: string) => `✔ Item ${position}/${total} recorded: ${result}`,
    masked: (kinds: string) => `Personal data masked: ${kinds}`,
    officialText: "Official text",
    fullText: "Show full text",
    repealedNow: (labels: string, on: string) => `⚠ Repealed ${on}. Now: ${labels}`,
    trimmed: " … (long article: see the official text)",
    report: "Report",
    share: "Share",
    progress: "Progress",
    answered: "Answered",
    counts: "Yes / No / N/A",
    itemsCount: (n: number) => `${n} items`,
    team: "shared with the team",
    code: (id: string) => `code ${id}`,
    reportHeading: (label: string) => `Report: ${label}`,
    download: "Download the Excel report",
    linkValid: (minutes: number) => `The link works for ${minutes} minutes; type "report" again after that.`,
    reportUnavailable: "That assessment does not exist or you may not export its report.",
    welcome: [
      "I answer questions on Taiwan's Personal Data Protection Act and related regulations, quoting the clauses with their dates and links to the official database.",
      "I also walk you through self-assessments: answer each item yes / no / n/a with an optional evidence note, then export the checklist as Excel.",
      "In a channel or group chat, @mention me first.",
    ],
    welcomeExamples: 'Try: "How do we supervise an outsourced logistics provider?", "PDPA Article 27"',
    welcomeChecklists: (titles: string) => `Checklists: ${titles}`,
    startAssessment: "Start an assessment",
    help: "Help",
    invalidCard: (requestId: string) =>
      `I could not read that button; the card may be outdated. Type a command instead (e.g. "resume" or "help"). (request id ${requestId})`,
    noteTooLong: (max: number) => `The evidence note is too long (at most ${max} characters).`,
    done: "Done.",
  },
} satisfies Record<Lang, unknown>;

export type TeamsTexts = (typeof LABELS)["zh"];

export function teamsTexts(lang: Lang): TeamsTexts {
  return LABELS[lang] as TeamsTexts;
}
