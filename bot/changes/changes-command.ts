import type { Checklist, CorpusChange } from "../../knowledge/index.js";
import type { AssessmentRecord } from "../assessment/store.js";
import type { ActiveTurn } from "../conversation/active-turn.js";
import { affectedClauses } from "./affected.js";
import { affectedLine, regulationLine } from "./render-changes.js";

/** How many recent syncs 「法規更新」 looks back over. */
const RECENT_SYNCS = 3;

/**
 * 「法規更新」 / "what changed": the changes of the last syncs to the regulations in the
 * asker's scope, as a notice every channel renders.
 */
export async function showChanges(ctx: ActiveTurn): Promise<void> {
  const en = ctx.lang === "en";
  const history = ctx.deps.history;
  if (!history) {
    return ctx.notice(
      en
        ? "The regulations have not been synced with the official open data yet, so there is no change report (`npm run cli -- sync`)."
        : "尚未與法務部開放資料同步，還沒有法規更新紀錄（`npm run cli -- sync`）。",
    );
  }
  const changes = history
    .changes()
    .filter((c) => c.previous)
    .slice(-RECENT_SYNCS);
  const current = history.currentVersion();
  if (changes.length === 0) return ctx.notice(en ? `No change since the first sync (version ${current}).` : `初次同步（版本 ${current}）以來沒有法規更新。`);
  const scope = new Set(ctx.deps.scope ?? []);
  const lines: string[] = [];
  for (const change of changes) {
    const mine = change.regulations.filter((r) => scope.size === 0 || scope.has(r.pcode));
    const others = change.regulations.length - mine.length;
    lines.push(en ? `Sync ${change.previous} → ${change.version}:` : `${change.previous} → ${change.version} 更新：`);
    if (mine.length === 0) lines.push(en ? "• nothing changed in the regulations that apply to you" : "• 您適用的法規沒有變動");
    for (const r of mine) lines.push(`• ${regulationLine(r, ctx.lang)}`);
    if (others > 0)
      lines.push(
        en
          ? `(${others} other regulations changed; \`npm run cli -- changes\` lists them)`
          : `（另有 ${others} 部其他法規變動，\`npm run cli -- changes\` 可列出）`,
      );
  }
  ctx.notice(lines.join("\n"));
}

/** Tells the owner who resumes an assessment which answered items rest on clauses that changed since. */
export async function noticeChangedItems(ctx: ActiveTurn, assessment: AssessmentRecord, checklist: Checklist): Promise<void> {
  const changes = ctx.deps.history?.changes() ?? [];
  if (changes.length === 0 || assessment.ownerId !== ctx.turn.userId) return;
  const lines = changedItemLines(checklist, await ctx.responsesOf(assessment.id), changes, ctx);
  if (lines.length === 0) return;
  ctx.notice(
    [ctx.lang === "en" ? "The law changed since you answered; please check these items again:" : "法規已變動，請重新確認：", ...lines].join("\n"),
    "warning",
  );
}

function changedItemLines(checklist: Checklist, responses: Awaited<ReturnType<ActiveTurn["responsesOf"]>>, changes: CorpusChange[], ctx: ActiveTurn): string[] {
  return responses.flatMap((r) => {
    const affected = affectedClauses(
      r.clauseIds,
      changes,
      { ...(r.corpusVersion ? { version: r.corpusVersion } : {}), at: r.answeredAt },
      ctx.deps.knowledge,
      ctx.lang,
    );
    if (affected.length === 0) return [];
    const position = checklist.items.findIndex((i) => i.id === r.itemId) + 1;
    const where = ctx.lang === "en" ? `Item ${position} (${r.itemId})` : `第 ${position} 題（${r.itemId}）`;
    return [`• ${where}：${affected.map((a) => affectedLine(a, ctx.lang)).join("；")}`];
  });
}
