import type { Command } from "./turn.js";

/**
 * Typed commands, Chinese and English. Buttons send the same commands as actions, so
 * everything can be done by typing. A command is recognised only as the whole message
 * (with an optional argument after it), so a question that merely contains 狀態 or
 * "help" is still a question.
 */
const WORDS: Array<[Command, RegExp]> = [
  ["help", /^(說明|幫助|使用說明|怎麼用|指令|help|\?|？|h)$/i],
  ["start", /^(開始自評|開始|自評|新自評|start|assess|new assessment|start assessment)$/i],
  ["checklists", /^(自評表|查核表|清單|checklists?|list)$/i],
  ["assessments", /^(我的自評|自評清單|我的評估|my assessments|assessments)$/i],
  ["resume", /^(繼續|繼續自評|恢復|接續|resume|continue)$/i],
  ["pause", /^(暫停|先停|稍後再說|pause|later)$/i],
  ["skip", /^(跳過|略過|下一題|skip|next)$/i],
  ["back", /^(上一題|回上一題|返回|back|previous|prev)$/i],
  ["status", /^(進度|狀態|目前進度|status|progress)$/i],
  ["why", /^(為什麼|為何|為什麼問這題|依據|法規依據|why|why is this asked\??)$/i],
  ["report", /^(報告|匯出|匯出報告|產生報告|report|export)$/i],
  ["share", /^(分享|分享給團隊|共用|share)$/i],
  ["quit", /^(結束|離開|退出|結束自評|quit|exit|stop)$/i],
  ["changes", /^(法規更新|法規異動|法規變動|最新法規更新|what changed\??|what has changed\??|what's new\??|changes|regulation updates)$/i],
];

interface ParsedCommand {
  command: Command;
  /** What follows the command word: a checklist name, an assessment code. */
  argument?: string;
}

export function parseCommand(raw: string): ParsedCommand | undefined {
  const text = raw
    .trim()
    .replace(/^[/／]/, "")
    .replace(/[。.!！]$/, "")
    .trim();
  if (text === "") return undefined;
  for (const [command, pattern] of WORDS) if (pattern.test(text)) return { command };
  // "開始自評 資安" / "start security-plan" / "繼續 A7K3Q2" / "報告 A7K3Q2" / "進度 A7K3Q2"
  const withArgument = /^(開始自評|開始|自評|start|assess|繼續|resume|continue|報告|report|export|加入|join|進度|狀態|status|progress)[\s:：]+(.+)$/i.exec(
    text,
  );
  if (withArgument?.[1] && withArgument[2]) {
    const word = withArgument[1].toLowerCase();
    const command: Command = /^(繼續|resume|continue|加入|join)$/.test(word)
      ? "resume"
      : /^(報告|report|export)$/.test(word)
        ? "report"
        : /^(進度|狀態|status|progress)$/.test(word)
          ? "status"
          : "start";
    return { command, argument: withArgument[2].trim() };
  }
  return undefined;
}
