import type { Lang } from "../../knowledge/clause.js";

/** Fixed texts of the conversation engine, Traditional Chinese (Taiwan) and English. */
const MESSAGES = {
  zh: {
    help: [
      "我可以：",
      "• 回答法規問題並附上條文，例如「委外物流要怎麼監督？」、「個資法第27條」。",
      "• 帶你逐題完成自評：輸入「開始自評」選擇查核表，每題回覆「是／否／不適用」，可在後面加上佐證說明（例如「是，已於 2024/3 公告」）。",
      "自評中可用的指令：為什麼、跳過、上一題、暫停、繼續、進度、報告、分享、結束；也可以輸入「備註：…」補充上一題的佐證說明。",
      "自評進行中直接提問也可以，回答後會回到原本的題目。",
      "輸入「法規更新」查看最近一次同步後，你適用的法規有哪些變動。",
    ].join("\n"),
    chooseChecklist: "請選擇要進行的查核表（輸入編號或名稱）：",
    noSuchChecklist: (name: string) => `找不到名為「${name}」的查核表。`,
    started: (label: string, code: string, total: number) =>
      `已開始「${label}」，共 ${total} 題。自評代碼 ${code}（之後可輸入「繼續 ${code}」接續，或「分享」讓同事一起作答）。`,
    resumed: (label: string, answered: number, total: number) => `繼續「${label}」：已完成 ${answered}/${total} 題。`,
    joined: (label: string) => `已加入團隊共用的自評「${label}」。`,
    chooseAssessment: "你有以下自評，請輸入編號或代碼選擇要繼續的：",
    noAssessments: "目前沒有進行中的自評。輸入「開始自評」開始一份。",
    noActive: "目前沒有進行中的自評。輸入「開始自評」開始，或「我的自評」查看先前的自評。",
    noSuchAssessment: (code: string) => `找不到代碼為 ${code} 的自評，或你沒有權限存取。`,
    paused: (code: string) => `已暫停。輸入「繼續」或「繼續 ${code}」即可從下一個未作答的題目接續。`,
    quit: (code: string) => `已離開自評（進度已保存）。之後輸入「繼續 ${code}」接續。`,
    skipped: "已跳過，稍後會再回到這題。",
    firstItem: "這已經是第一題。",
    ambiguous: "我不確定你的意思。請回覆「是」、「否」或「不適用」，可在後面加上說明；不確定的話可以先「跳過」。",
    completed: (label: string, total: number) => `「${label}」${total} 題已全部作答完成。輸入「報告」匯出查核表，或「上一題」修改答案。`,
    noteSaved: (position: number) => `已補充第 ${position} 題的佐證說明。`,
    noteNothing: "目前沒有可以補充說明的題目。請先作答，再輸入「備註：…」。",
    masked: (kinds: string) => `提醒：內容含有個人資料（${kinds}），已遮蔽後才記錄。`,
    questionMasked: (kinds: string) => `提醒：你的問題含有個人資料（${kinds}），紀錄中已遮蔽。`,
    stillInAssessment: (position: number, total: number) => `（自評仍在第 ${position}/${total} 題，回覆「是／否／不適用」繼續作答。）`,
    shared: (code: string) => `已分享給團隊。同一團隊的成員輸入「繼續 ${code}」即可一起作答。`,
    feedbackThanks: "感謝回饋，已記錄。",
    feedbackWhy: "感謝回饋，已記錄。哪裡不對？",
    feedbackUnknown: "找不到這則回答，無法記錄回饋。",
    reportReady: (label: string) => `正在產生「${label}」的查核報告。`,
    staleItem: "這題的答案已更新。",
    tooLong: (chars: number, limit: number) =>
      `訊息太長（${count(chars)} 字），上限為 ${count(limit)} 字，這則訊息沒有處理也沒有記錄。請縮短後再傳，或分成幾則。`,
    noteTooLong: (chars: number, limit: number) =>
      `佐證說明太長（${count(chars)} 字），上限為 ${count(limit)} 字，這題尚未記錄。請精簡說明，或寫出文件名稱與存放位置即可。`,
  },
  en: {
    help: [
      "I can:",
      '• Answer questions on the regulations with the clauses quoted, e.g. "How do we supervise an outsourced logistics provider?", "PDPA Article 27".',
      '• Walk you through a self-assessment: type "start" to choose a checklist, then answer each item yes / no / n/a, optionally followed by a note on the evidence ("yes, policy published March 2024").',
      'Commands during an assessment: why, skip, back, pause, resume, status, report, share, quit; "note: …" adds evidence to the last item.',
      "You can ask a question in the middle of an assessment; I answer it and come back to the item.",
      'Type "what changed" to see what the last sync changed in the regulations that apply to you.',
    ].join("\n"),
    chooseChecklist: "Which checklist? (type its number or name):",
    noSuchChecklist: (name: string) => `There is no checklist called "${name}".`,
    started: (label: string, code: string, total: number) =>
      `Started "${label}" with ${total} items. Assessment code ${code} (type "resume ${code}" to come back, or "share" to answer it with your team).`,
    resumed: (label: string, answered: number, total: number) => `Resuming "${label}": ${answered}/${total} answered.`,
    joined: (label: string) => `You joined the team assessment "${label}".`,
    chooseAssessment: "Your assessments; type a number or a code to resume one:",
    noAssessments: 'You have no assessment yet. Type "start" to begin one.',
    noActive: 'No assessment is in progress. Type "start" to begin one, or "my assessments" to see earlier ones.',
    noSuchAssessment: (code: string) => `No assessment ${code} that you can open.`,
    paused: (code: string) => `Paused. Type "resume" or "resume ${code}" to continue at the next open item.`,
    quit: (code: string) => `You left the assessment (progress is saved). Type "resume ${code}" to come back.`,
    skipped: "Skipped; it will come round again.",
    firstItem: "This is the first item.",
    ambiguous: 'I am not sure what you mean. Please answer "yes", "no" or "n/a", optionally with a note; "skip" if you are not sure yet.',
    completed: (label: string, total: number) => `All ${total} items of "${label}" are answered. Type "report" to export it, or "back" to change an answer.`,
    noteSaved: (position: number) => `Note added to item ${position}.`,
    noteNothing: 'There is no answered item to add a note to. Answer first, then type "note: …".',
    masked: (kinds: string) => `Note: it contained personal data (${kinds}), which was masked before it was recorded.`,
    questionMasked: (kinds: string) => `Note: your question contained personal data (${kinds}); it is masked in our records.`,
    stillInAssessment: (position: number, total: number) => `(The assessment is still at item ${position}/${total}; answer yes / no / n/a to go on.)`,
    shared: (code: string) => `Shared with your team. Team members type "resume ${code}" to answer it with you.`,
    feedbackThanks: "Thanks, your feedback is recorded.",
    feedbackWhy: "Thanks, your feedback is recorded. What was wrong?",
    feedbackUnknown: "I could not find that answer to record feedback on.",
    reportReady: (label: string) => `Preparing the report of "${label}".`,
    staleItem: "The answer to this item was updated.",
    tooLong: (chars: number, limit: number) =>
      `That message is too long (${count(chars)} characters; the limit is ${count(limit)}), so it was neither processed nor recorded. Please shorten it or send it in parts.`,
    noteTooLong: (chars: number, limit: number) =>
      `The evidence note is too long (${count(chars)} characters; the limit is ${count(limit)}), so this item is not recorded yet. Please shorten it, or name the document and where it is kept.`,
  },
} satisfies Record<Lang, unknown>;

function count(n: number): string {
  return n.toLocaleString("en-US");
}

type Messages = (typeof MESSAGES)["zh"];

export function messages(lang: Lang): Messages {
  return MESSAGES[lang] as Messages;
}
