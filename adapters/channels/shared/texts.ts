import type { Lang } from "../../../knowledge/index.js";

/**
 * The UI strings every channel shows alike, in one table (Traditional Chinese first). Each
 * channel's texts.ts adds its own (buttons of its platform, its markup) on top of these.
 */
const zh = {
  botName: "合規小幫手",
  myAssessments: "我的自評",
  evidenceNote: "佐證說明",
  why: "為什麼",
  skip: "跳過",
  back: "上一題",
  pause: "暫停",
  resume: "繼續",
  start: "開始",
  helpful: "👍 有幫助",
  notHelpful: "👎 沒幫助",
  evidence: "可提出的佐證",
  remediation: "改善建議",
  asOf: (date: string) => `條文日期 ${date}`,
  plainNote: "白話說明（本助理整理，非法規原文）",
  cases: "參考案例（案例說明，非法規條文）",
  answeredBy: (by: string, at: string) => `由 ${by} 於 ${at} 作答`,
  whyTitle: (item: string) => `為什麼問「${item}」`,
  legacy: (ref: string) => `舊版對應：${ref}（網際網路零售業個資辦法，已於 2023-11-21 廢止）`,
  failed: (requestId: string) => `抱歉，處理這則訊息時發生錯誤，請稍後再試。若問題持續，請把代碼 ${requestId} 提供給管理員。`,
  timedOut: (requestId: string) => `抱歉，這則訊息處理太久，已停止等待。請稍後再試一次；若問題持續，請把代碼 ${requestId} 提供給管理員。`,
};

type ChannelTexts = typeof zh;

const en: ChannelTexts = {
  botName: "Compliance assistant",
  myAssessments: "My assessments",
  evidenceNote: "Evidence note",
  why: "Why",
  skip: "Skip",
  back: "Back",
  pause: "Pause",
  resume: "Resume",
  start: "Start",
  helpful: "👍 Helpful",
  notHelpful: "👎 Not helpful",
  evidence: "Evidence that fits",
  remediation: "To fix",
  asOf: (date: string) => `text as of ${date}`,
  plainNote: "In plain words (our note, not law)",
  cases: "Case studies (illustrations, not law)",
  answeredBy: (by: string, at: string) => `Answered by ${by} at ${at}`,
  whyTitle: (item: string) => `Why "${item}" is asked`,
  legacy: (ref: string) => `Formerly cited as: ${ref} (J0080052, repealed 2023-11-21)`,
  failed: (requestId: string) =>
    `Sorry, something went wrong while handling this message. Please try again later. If it keeps happening, give your admin the code ${requestId}.`,
  timedOut: (requestId: string) =>
    `Sorry, this message took too long and I stopped waiting. Please try again later; if it keeps happening, give your admin the code ${requestId}.`,
};

/** The shared channel texts in a language. */
export function channelTexts(lang: Lang): ChannelTexts {
  return lang === "en" ? en : zh;
}
